package io.passerine.emulator.core;

import java.util.Set;

/**
 * The body of {@code POST /2/tweets} as the web layer read it: whether it came as JSON, whether it was a JSON
 * object, its member names and its {@code text} (null when absent or not a string).
 */
public record PostBody(boolean json, boolean object, Set<String> members, String text) {

    /** The members X's create-post schema defines (others are rejected, as X rejects them). */
    static final Set<String> KNOWN = Set.of("card_uri", "community_id", "direct_message_deep_link",
            "for_super_followers_only", "geo", "made_with_ai", "media", "nullcast", "paid_partnership", "poll",
            "quote_tweet_id", "reply", "reply_settings", "share_with_followers", "text");

    public PostBody {
        members = Set.copyOf(members);
    }

    /** A JSON object body with just {@code text}. */
    public static PostBody text(String text) {
        return new PostBody(true, true, Set.of("text"), text);
    }
}
