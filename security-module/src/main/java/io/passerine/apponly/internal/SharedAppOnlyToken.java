package io.passerine.apponly.internal;

import io.passerine.api.BearerToken;
import io.passerine.internal.cluster.Hashes;
import io.passerine.internal.cluster.SharedCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app-only token of one app as the whole cluster sees it: an entry of a shared JCache, keyed by a hash of token
 * URI and API key, holding the token's hash and the token sealed with its expiry ({@link SharedCache#seal}). A node fetches only under the cluster lock and only when the entry is
 * absent or due for renewal (re-checked after taking the lock), so N nodes at cold start cause one token request;
 * an invalidation removes the entry, and every node's next call sees that ({@link #isCurrent}).
 */
final class SharedAppOnlyToken {

    private final SharedCache cache;
    private final String key;
    private final Clock clock;
    private final Duration skew;
    private final Duration lease;
    private volatile Hashed lastHashed;

    SharedAppOnlyToken(SharedCache cache, String tokenUri, String apiKey, Clock clock, Duration skew,
            Duration lease) {
        this.cache = cache;
        this.key = "app-only:" + Hashes.sha256(tokenUri + " " + apiKey);
        this.clock = clock;
        this.skew = skew;
        this.lease = lease;
    }

    /** Whether {@code token} is still the cluster's token (one cache read; the token's hash is computed once). */
    boolean isCurrent(BearerToken token) {
        String v = cache.get(key);
        String h = hashOf(token);
        return v != null && v.length() > h.length() && v.charAt(h.length()) == '\n' && v.startsWith(h);
    }

    /** SHA-256 of the token, remembered for the last token asked about (the cached one, nearly always). */
    private String hashOf(BearerToken token) {
        Hashed last = lastHashed;
        if (last == null || last.token() != token) {
            last = new Hashed(token, Hashes.sha256(token.value()));
            lastHashed = last;
        }
        return last.hash();
    }

    private record Hashed(BearerToken token, String hash) {
    }

    /** The cluster's token if usable, else one fetch cluster-wide (waiting nodes then read its result). */
    BearerToken fetch(Supplier<BearerToken> fetcher) {
        return cache.singleFlight(key + ":lock", lease, lease.multipliedBy(2), this::usable, () -> {
            BearerToken t = fetcher.get();
            String plain = t.value() + "\n" + t.expiresAt().map(e -> Long.toString(e.toEpochMilli())).orElse("");
            cache.put(key, Hashes.sha256(t.value()) + "\n" + cache.seal(plain, key));
            return t;
        });
    }

    /** Under the cluster lock (no fetch meanwhile): revokes the cluster's token, if any, and removes it. */
    void invalidate(Consumer<BearerToken> revoke) {
        cache.singleFlight(key + ":lock", lease, lease.multipliedBy(2), Optional::empty, () -> {
            String v = cache.get(key);
            Optional<BearerToken> t = v == null ? Optional.empty() : decode(v);
            if (v != null) {
                try {
                    t.ifPresent(revoke);
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
        Optional<BearerToken> t = v == null ? Optional.empty() : decode(v);
        if (t.isEmpty()) {
            return t; // absent, or sealed under other keys: fetch (and overwrite) under the lock
        }
        Optional<Instant> exp = t.get().expiresAt();
        return exp.isPresent() && !clock.instant().plus(skew).isBefore(exp.get()) ? Optional.empty() : t;
    }

    /** Entry: {@code sha256(token) \n sealed(token \n expiresAt)}. */
    private Optional<BearerToken> decode(String v) {
        int nl = v.indexOf('\n');
        return cache.open(v.substring(nl + 1), key).map(plain -> {
            int i = plain.indexOf('\n');
            String exp = plain.substring(i + 1);
            return new BearerToken(plain.substring(0, i),
                    exp.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(exp)));
        });
    }
}
