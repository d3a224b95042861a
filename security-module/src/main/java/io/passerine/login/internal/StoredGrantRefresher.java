package io.passerine.login.internal;

import io.passerine.login.GrantException;
import io.passerine.login.LoginRequiredException;
import io.passerine.login.internal.grants.GrantStore;

/**
 * The refresh of a logged-in session whose grant is stored: through the store (one refresh per user in the cluster,
 * shared with timers and jobs), never with the session's own copy of the refresh token — X rotates it, so a refresh
 * by the session would kill the stored grant. No grant stored for the user (storing failed at login): the session's
 * own refresh. A grant the store cannot use (revoked, expired) means a new login.
 */
final class StoredGrantRefresher extends Refresher {

    private final GrantStore store;
    private final String userId;
    private final Refresher fallback;
    private volatile boolean fromStore = true;

    /** @param fallback the session's own refresh (the runtime's: cluster-wide with a shared JCache) */
    StoredGrantRefresher(TokenEndpoint endpoint, GrantStore store, String userId, Refresher fallback) {
        super(endpoint);
        this.store = store;
        this.userId = userId;
        this.fallback = fallback;
    }

    @Override
    public GrantedTokens refresh(GrantedTokens current) {
        try {
            return store.current(userId);
        } catch (GrantException e) {
            if (e.reason() == GrantException.Reason.STORE_FAILED) {
                throw e;
            }
            if (e.reason() == GrantException.Reason.NOT_STORED) {
                fromStore = false;
                return fallback.refresh(current);
            }
            throw new LoginRequiredException("The stored grant cannot be used (" + e.reason() + ")");
        }
    }

    /** Tokens from the store belong to it (logout revokes and deletes the stored grant itself). */
    @Override
    void orphaned(GrantedTokens refreshed) {
        if (!fromStore) {
            fallback.orphaned(refreshed);
        }
    }
}
