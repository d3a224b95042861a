package io.passerine.login.internal;

import io.passerine.internal.cluster.Hashes;
import io.passerine.internal.cluster.SharedCache;
import java.time.Duration;
import java.util.Optional;

/**
 * Refresh single-flight across the cluster: a session replicated to several nodes holds the same rotating refresh
 * token everywhere, and only one node may spend it. Under a lease lock keyed by the hash of the refresh token, the
 * first node refreshes and publishes the new token set, sealed ({@link SharedCache#seal}), under that
 * hash (for the cache's lifetime); every other
 * node, before and after taking the lock, finds it there and uses it without calling the provider. The per-session
 * single flight in {@link SessionLogin} still coalesces the requests of one node first.
 */
final class ClusterRefresher extends Refresher {

    private final SharedCache cache;
    private final Duration lease;

    /** The lock's lease: {@link io.passerine.internal.http.HttpTimeouts#lease()} of the login's timeouts. */
    ClusterRefresher(TokenEndpoint endpoint, SharedCache cache) {
        super(endpoint);
        this.cache = cache;
        this.lease = endpoint.settings().timeouts().lease();
    }

    @Override
    public GrantedTokens refresh(GrantedTokens current) {
        if (!current.hasRefreshToken()) {
            return super.refresh(current); // throws LoginRequiredException
        }
        String key = "refreshed:" + Hashes.sha256(current.refreshToken());
        return cache.singleFlight(key + ":lock", lease, lease.multipliedBy(2),
                () -> Optional.ofNullable(cache.get(key)).flatMap(v -> cache.open(v, key))
                        .map(GrantedTokens::decode),
                () -> {
                    GrantedTokens next = super.refresh(current);
                    cache.put(key, cache.seal(next.encode(), key));
                    return next;
                });
    }
}
