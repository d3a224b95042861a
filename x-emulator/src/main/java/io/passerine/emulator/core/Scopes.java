package io.passerine.emulator.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** X's OAuth 2.0 scopes. */
public final class Scopes {

    public static final Set<String> KNOWN = Set.of("tweet.read", "tweet.write", "tweet.moderate.write",
            "users.read", "users.email", "follows.read", "follows.write", "offline.access", "space.read",
            "mute.read", "mute.write", "like.read", "like.write", "list.read", "list.write", "block.read",
            "block.write", "bookmark.read", "bookmark.write", "dm.read", "dm.write", "media.write");

    private Scopes() {
    }

    /** The space-separated scopes in order, without duplicates; empty list when blank. */
    public static List<String> parse(String scope) {
        List<String> out = new ArrayList<>();
        if (scope != null) {
            for (String s : scope.trim().split(" +")) {
                if (!s.isEmpty() && !out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
