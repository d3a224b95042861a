package io.passerine.emulator.core;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A small fixed set of tweets (from X's API docs) plus the ones posted since the last reset. Thread-safe. */
public final class TweetCorpus {

    /** A tweet as {@code /2/tweets} shows it by default (plus author_id). */
    public record Tweet(String id, String text, String authorId) {
        public Map<String, Object> toJson() {
            return Reply.json("id", id, "text", text, "author_id", authorId);
        }
    }

    /** X's snowflake epoch. */
    private static final long TWEPOCH = 1288834974657L;

    private static final Map<String, Tweet> FIXED = new LinkedHashMap<>();

    static {
        fixed("1261326399320715264", "Tune in to the @MongoDB @Twitch stream featuring our very own @suhemparack"
                + " to talk about Twitter Developer Labs - right now! https://t.co/fAWpYi3o5O", "2244994945");
        fixed("1278347468690915330", "It’s finally here! \uD83E\uDD41 Say hello to the new #TwitterAPI.\n\n"
                + "We’re rebuilding the Twitter API v2 from the ground up to better serve our developer community."
                + " And today’s launch is only the beginning.\n\nhttps://t.co/32VrwpGaJw https://t.co/KaFSbjWUA8",
                "783214");
        fixed("1460323737035677698", "Introducing a new era for the Twitter Developer Platform!", "2244994945");
    }

    private static void fixed(String id, String text, String author) {
        FIXED.put(id, new Tweet(id, text, author));
    }

    private final Map<String, Tweet> posted = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    public TweetCorpus(Clock clock) {
        this.clock = clock;
    }

    public Optional<Tweet> find(String id) {
        Tweet t = FIXED.get(id);
        return Optional.ofNullable(t != null ? t : posted.get(id));
    }

    /** Posts a tweet with a snowflake-like id. */
    public Tweet post(String text, String authorId) {
        long id = ((clock.millis() - TWEPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF);
        Tweet t = new Tweet(Long.toString(id), text, authorId);
        posted.put(t.id(), t);
        return t;
    }

    public void clear() {
        posted.clear();
    }
}
