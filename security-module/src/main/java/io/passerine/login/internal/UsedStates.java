package io.passerine.login.internal;

import io.passerine.internal.cluster.Hashes;
import io.passerine.internal.cluster.SharedCache;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-time rule for login transactions that the browser carries (cookie store): a state is accepted once. The
 * per-JVM set suits a single node; a cluster uses a shared JCache so that a callback replayed on another node is
 * refused too. Only SHA-256 hashes of states are kept.
 */
interface UsedStates {

    /** True the first time {@code state} is used; false afterwards (until {@code until}, when it expires anyway). */
    boolean firstUse(String state, Instant now, Instant until);

    /** Per JVM. */
    static UsedStates local() {
        ConcurrentHashMap<String, Instant> used = new ConcurrentHashMap<>();
        return (state, now, until) -> {
            if (used.size() > 1024) {
                used.values().removeIf(u -> u.isBefore(now));
            }
            return used.putIfAbsent(Hashes.sha256(state), until) == null;
        };
    }

    /** Cluster-wide, in {@code cache} (an atomic putIfAbsent). */
    static UsedStates shared(SharedCache cache) {
        return (state, now, until) -> cache.markOnce("used-state:" + Hashes.sha256(state), now.toEpochMilli(),
                until.toEpochMilli());
    }
}
