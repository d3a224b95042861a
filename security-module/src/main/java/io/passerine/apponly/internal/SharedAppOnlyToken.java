package io.passerine.apponly.internal;

import io.passerine.apponly.BearerToken;
import io.passerine.cluster.internal.Hashes;
import io.passerine.cluster.internal.SharedCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app-only token of one app as the whole cluster sees it: an entry of a shared JCache ({@code value\nexpiresAt}),
 * keyed by a hash of token URI and API key. A node fetches only under the cluster lock and only when the entry is
 * absent or due for renewal (re-checked after taking the lock), so N nodes at cold start cause one token request;
 * an invalidation removes the entry, and every node's next call sees that ({@link #isCurrent}).
 */
final class SharedAppOnlyToken {

    private final SharedCache cache;
    private final String key;
    private final Clock clock;
    private final Duration skew;
    private final Duration lease;

    SharedAppOnlyToken(SharedCache cache, String tokenUri, String apiKey, Clock clock, Duration skew,
            Duration lease) {
        this.cache = cache;
        this.key = "app-only:" + Hashes.sha256(tokenUri + " " + apiKey);
        this.clock = clock;
        this.skew = skew;
        this.lease = lease;
    }

    /** Whether {@code token} is still the cluster's token (one cache read, no allocation). */
    boolean isCurrent(BearerToken token) {
        String v = cache.get(key);
        String t = token.value();
        return v != null && v.length() > t.length() && v.charAt(t.length()) == '\n' && v.startsWith(t);
    }

    /** The cluster's token if usable, else one fetch cluster-wide (waiting nodes then read its result). */
    BearerToken fetch(Supplier<BearerToken> fetcher) {
        return cache.singleFlight(key + ":lock", lease, lease.multipliedBy(2), this::usable, () -> {
            BearerToken t = fetcher.get();
            cache.put(key, t.value() + "\n" + t.expiresAt().map(e -> Long.toString(e.toEpochMilli())).orElse(""));
            return t;
        });
    }

    /** Under the cluster lock (no fetch meanwhile): revokes the cluster's token, if any, and removes it. */
    void invalidate(Consumer<BearerToken> revoke) {
        cache.singleFlight(key + ":lock", lease, lease.multipliedBy(2), Optional::empty, () -> {
            String v = cache.get(key);
            if (v != null) {
                try {
                    revoke.accept(decode(v));
                } finally {
                    cache.remove(key, v);
                }
            }
            return Boolean.TRUE;
        });
    }

    /** Removes {@code rejected} if it is still the cluster's token (an API answered 401 to it). */
    boolean discard(BearerToken rejected) {
        String v = cache.get(key);
        return v != null && isCurrent(rejected) && cache.remove(key, v);
    }

    private Optional<BearerToken> usable() {
        String v = cache.get(key);
        if (v == null) {
            return Optional.empty();
        }
        BearerToken t = decode(v);
        Optional<Instant> exp = t.expiresAt();
        return exp.isPresent() && !clock.instant().plus(skew).isBefore(exp.get()) ? Optional.empty() : Optional.of(t);
    }

    private static BearerToken decode(String v) {
        int nl = v.indexOf('\n');
        String exp = v.substring(nl + 1);
        return new BearerToken(v.substring(0, nl), exp.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(exp)));
    }
}
