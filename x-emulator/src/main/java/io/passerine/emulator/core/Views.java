package io.passerine.emulator.core;

import static io.passerine.emulator.core.Reply.json;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tweets and users as X's v2 API shows them: the default fields ({@code id}, {@code text},
 * {@code edit_history_tweet_ids}; {@code id}, {@code name}, {@code username}) plus the requested ones the emulator
 * has data for, and the {@code includes} of the requested expansions. Fields that do not apply to these objects
 * (geo, attachments, referenced tweets, owner-only metrics, ...) are left out, as X leaves them out.
 */
public final class Views {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** X's default avatar. */
    private static final String AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png";
    private static final Duration EDIT_WINDOW = Duration.ofHours(1);

    private Views() {
    }

    public static Map<String, Object> tweet(TweetCorpus.Tweet t, Fields f) {
        Map<String, Object> m = json("id", t.id(), "text", t.text(), "edit_history_tweet_ids", List.of(t.id()));
        Instant created = t.createdAt().truncatedTo(ChronoUnit.SECONDS); // X shows whole seconds: .000Z
        put(m, f.tweetField("author_id"), "author_id", t.author().id());
        put(m, f.tweetField("created_at"), "created_at", ISO.format(created));
        put(m, f.tweetField("conversation_id"), "conversation_id", t.id());
        put(m, f.tweetField("lang"), "lang", "en");
        put(m, f.tweetField("possibly_sensitive"), "possibly_sensitive", false);
        put(m, f.tweetField("reply_settings"), "reply_settings", "everyone");
        put(m, f.tweetField("edit_controls"), "edit_controls", json("edits_remaining", 5, "is_edit_eligible", true,
                "editable_until", ISO.format(created.plus(EDIT_WINDOW))));
        put(m, f.tweetField("public_metrics"), "public_metrics", json("retweet_count", 0, "reply_count", 0,
                "like_count", 0, "quote_count", 0, "bookmark_count", 0, "impression_count", 0));
        return m;
    }

    public static Map<String, Object> user(User u, Fields f) {
        Map<String, Object> m = json("id", u.id(), "name", u.name(), "username", u.username());
        put(m, f.userField("created_at"), "created_at", "2013-12-14T04:35:55.000Z");
        put(m, f.userField("description"), "description", "");
        put(m, f.userField("profile_image_url"), "profile_image_url", AVATAR);
        put(m, f.userField("protected"), "protected", false);
        put(m, f.userField("url"), "url", "");
        put(m, f.userField("verified"), "verified", false);
        put(m, f.userField("verified_type"), "verified_type", "none");
        put(m, f.userField("public_metrics"), "public_metrics", json("followers_count", 0, "following_count", 0,
                "tweet_count", 0, "listed_count", 0, "like_count", 0, "media_count", 0));
        return m;
    }

    /** {@code includes} for {@code tweets}: their authors and edit histories when expanded; null when empty. */
    public static Map<String, Object> includes(List<TweetCorpus.Tweet> tweets, Fields f) {
        Map<String, Object> users = new LinkedHashMap<>();
        Map<String, Object> history = new LinkedHashMap<>();
        for (TweetCorpus.Tweet t : tweets) {
            if (f.expands("author_id")) {
                users.putIfAbsent(t.author().id(), user(t.author(), f));
            }
            if (f.expands("edit_history_tweet_ids")) {
                history.putIfAbsent(t.id(), tweet(t, f));
            }
        }
        Map<String, Object> includes = json();
        put(includes, !users.isEmpty(), "users", new ArrayList<>(users.values()));
        put(includes, !history.isEmpty(), "tweets", new ArrayList<>(history.values()));
        return includes.isEmpty() ? null : includes;
    }

    private static void put(Map<String, Object> m, boolean wanted, String key, Object value) {
        if (wanted) {
            m.put(key, value);
        }
    }
}
