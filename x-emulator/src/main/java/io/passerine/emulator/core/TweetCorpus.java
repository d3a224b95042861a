package io.passerine.emulator.core;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A small fixed set of tweets (from X's API docs) plus the ones posted since the last reset. Thread-safe. */
public final class TweetCorpus {

    /** X's snowflake epoch. */
    private static final long TWEPOCH = 1288834974657L;

    /** A tweet and its author; its creation time is in its snowflake id, as on X. */
    public record Tweet(String id, String text, User author) {
        public Instant createdAt() {
            return Instant.ofEpochMilli((Long.parseLong(id) >> 22) + TWEPOCH);
        }
    }

    private static final User X_DEV = User.of("XDevelopers");
    private static final User X = new User("783214", "X", "X");
    private static final Map<String, Tweet> FIXED = new LinkedHashMap<>();

    static {
        fixed("1261326399320715264", "Tune in to the @MongoDB @Twitch stream featuring our very own @suhemparack"
                + " to talk about Twitter Developer Labs - right now! https://t.co/fAWpYi3o5O", X_DEV);
        fixed("1278347468690915330", "It’s finally here! \uD83E\uDD41 Say hello to the new #TwitterAPI.\n\n"
                + "We’re rebuilding the Twitter API v2 from the ground up to better serve our developer community."
                + " And today’s launch is only the beginning.\n\nhttps://t.co/32VrwpGaJw https://t.co/KaFSbjWUA8",
                X);
        fixed("1460323737035677698", "Introducing a new era for the Twitter Developer Platform!", X_DEV);
    }

    private static void fixed(String id, String text, User author) {
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
    public Tweet post(String text, User author) {
        long id = ((clock.millis() - TWEPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF);
        Tweet t = new Tweet(Long.toString(id), text, author);
        posted.put(t.id(), t);
        return t;
    }

    public void clear() {
        posted.clear();
    }
}
