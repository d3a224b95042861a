package io.passerine.emulator.core;

import java.util.Set;

/**
 * What one API request asked to see beyond X's default fields: {@code tweet.fields}, {@code user.fields} and
 * {@code expansions}, each already checked against X's values by {@link ApiQuery}. Immutable.
 */
public record Fields(Set<String> tweet, Set<String> user, Set<String> expansions) {

    /** X's defaults only: {@code id}, {@code text}, {@code edit_history_tweet_ids} / {@code id}, {@code name}, {@code username}. */
    public static final Fields DEFAULTS = new Fields(Set.of(), Set.of(), Set.of());

    public Fields {
        tweet = Set.copyOf(tweet);
        user = Set.copyOf(user);
        expansions = Set.copyOf(expansions);
    }

    public boolean tweetField(String name) {
        return tweet.contains(name);
    }

    public boolean userField(String name) {
        return user.contains(name);
    }

    public boolean expands(String name) {
        return expansions.contains(name);
    }
}
