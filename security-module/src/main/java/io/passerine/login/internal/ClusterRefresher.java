package io.passerine.login.internal;

import io.passerine.cluster.internal.Hashes;
import io.passerine.cluster.internal.SharedCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Refresh single-flight across the cluster: a session replicated to several nodes holds the same rotating refresh
 * token everywhere, and only one node may spend it. Under a lease lock keyed by the hash of the refresh token, the
 * first node refreshes and publishes the new token set under that hash (for the cache's lifetime); every other
 * node, before and after taking the lock, finds it there and uses it without calling the provider. The per-session
 * single flight in {@link SessionTokens} still coalesces the requests of one node first.
 */
final class ClusterRefresher extends Refresher {

    private final SharedCache cache;
    private final Duration lease;

    ClusterRefresher(TokenEndpoint endpoint, SharedCache cache, Duration lease) {
        super(endpoint);
        this.cache = cache;
        this.lease = lease;
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        if (!current.hasRefreshToken()) {
            return super.refresh(current); // throws LoginRequiredException
        }
        String key = "refreshed:" + Hashes.sha256(current.refreshToken());
        return cache.singleFlight(key + ":lock", lease, lease.multipliedBy(2),
                () -> Optional.ofNullable(cache.get(key)).map(ClusterRefresher::decode),
                () -> {
                    TokenSet next = super.refresh(current);
                    cache.put(key, encode(next));
                    return next;
                });
    }

    static String encode(TokenSet t) {
        return t.accessToken() + "\n" + (t.expiresAt() == null ? "" : t.expiresAt().toEpochMilli()) + "\n"
                + (t.refreshToken() == null ? "" : t.refreshToken()) + "\n" + String.join(" ", t.scopes());
    }

    static TokenSet decode(String s) {
        String[] p = s.split("\n", -1);
        return new TokenSet(p[0], p[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(p[1])),
                p[2].isEmpty() ? null : p[2], p[3].isEmpty() ? Set.of() : Set.of(p[3].split(" ")));
    }
}
