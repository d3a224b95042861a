package io.passerine.login.internal;

import io.passerine.internal.metrics.Metrics;
import io.passerine.internal.cluster.Sealer;
import io.passerine.internal.config.GrantSettings;
import io.passerine.login.GrantException;
import io.passerine.login.StoredGrant;
import io.passerine.login.UserGrants;
import io.passerine.login.internal.grants.Connections;
import io.passerine.login.internal.grants.GrantStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the login meets the grant store (issue 17): a login stores the grant, a logout revokes and deletes it, a
 * session's refresh goes through it, and a session that ends without a stored grant revokes its tokens (no grant
 * orphaned at X). With {@code passerine.login.store-grants} off only the last applies. Plain Java.
 */
public final class StoredGrants {

    private static final System.Logger LOG = System.getLogger(StoredGrants.class.getName());

    /** The session's own refresh and revocation (null in {@link #NONE}). */
    private final Refresher refresher;
    private final LoginFlow flow;
    private final TokenEndpoint endpoint;
    /** Null when the store is off. */
    private final GrantStore store;

    /** Nothing stored and nothing revoked (an application without the CDI glue: unit tests). */
    static final StoredGrants NONE = new StoredGrants();

    private StoredGrants() {
        this.refresher = null;
        this.flow = null;
        this.endpoint = null;
        this.store = null;
    }

    StoredGrants(LoginAssembly login, Metrics metrics, GrantSettings settings, Connections connections) {
        this.refresher = login.refresher();
        this.flow = login.flow();
        this.endpoint = new TokenEndpoint(login.settings(), login.clock(), metrics);
        this.store = settings.enabled() ? new GrantStore(connections, settings.table(), settings.createTable(),
                new Sealer(settings.keys()), new GrantTokenCalls(endpoint), login.clock(),
                login.settings().refreshSkew(), settings.cacheTtl(), login.settings().timeouts().lease()) : null;
    }

    /** The injectable API: the store, or one that says how to switch it on. */
    UserGrants api() {
        return store != null ? store : Disabled.INSTANCE;
    }

    /**
     * After a login: store (or replace) the user's grant; a grant without a refresh token is not stored. A login of
     * another user in {@code before}'s session (account switch) ends {@code before}'s login like a logout does.
     */
    void loggedIn(SessionLogin before, GrantedTokens beforeTokens, UserInfo user, GrantedTokens tokens) {
        if (store == null) {
            return;
        }
        String revokedElsewhere = beforeTokens == null ? null : beforeTokens.refreshToken(); // by Superseded
        boolean sameUser = before != null && before.user().principal().equals(user.principal());
        if (before != null && !sameUser) {
            loggingOut(before, beforeTokens);
        }
        if (!tokens.hasRefreshToken()) {
            LOG.log(Level.WARNING, "X login of {0} without offline.access: no grant stored", user.principal());
            return;
        }
        try {
            store.save(user.principal(), tokens, sameUser ? revokedElsewhere : null);
        } catch (GrantException e) { // the login itself goes on; the session keeps its own tokens
            LOG.log(Level.WARNING, "X login of {0}: the grant was not stored: {1}", user.principal(), e.getMessage());
        }
    }

    /** {@link #loggingOut(SessionLogin, GrantedTokens)} with the session's current tokens. */
    void loggingOut(SessionLogin st) {
        loggingOut(st, st == null ? null : st.peek());
    }

    /**
     * Logout: the stored grant is deleted, and revoked at X unless it holds {@code sessionTokens}, which the logout
     * revokes itself.
     */
    void loggingOut(SessionLogin st, GrantedTokens sessionTokens) {
        if (store == null || st == null) {
            return;
        }
        try {
            store.forget(st.user().principal(), sessionTokens == null ? null : sessionTokens.refreshToken());
        } catch (GrantException e) {
            LOG.log(Level.WARNING, "X logout of {0}: the stored grant was not deleted: {1}", st.user().principal(),
                    e.getMessage());
        }
    }

    /** The refresh for {@code st}: through the store when it holds the user's grant, else the session's own. */
    Refresher refresher(SessionLogin st) {
        if (store == null) {
            return refresher;
        }
        return new StoredGrantRefresher(endpoint, store, st.user().principal(), refresher);
    }

    /** A session ends (timeout, invalidation): its tokens are revoked unless the store holds the user's grant. */
    void sessionEnded(SessionLogin st) {
        GrantedTokens tokens = st == null || flow == null ? null : st.drop();
        if (tokens == null || !tokens.hasRefreshToken() || stored(st)) {
            return;
        }
        boolean ok = flow.loggedOut(st.user().principal(), tokens);
        LOG.log(ok ? Level.INFO : Level.WARNING, ok ? "Session of {0} ended without a stored grant: tokens revoked"
                : "Session of {0} ended without a stored grant: revocation failed", st.user().principal());
    }

    private boolean stored(SessionLogin st) {
        if (store == null) {
            return false;
        }
        try {
            return store.find(st.user().principal()).filter(g -> !g.revoked()).isPresent();
        } catch (GrantException e) { // store down: keep the session's tokens (a stored grant may depend on them)
            return true;
        }
    }

    /** {@link UserGrants} when {@code passerine.login.store-grants} is off. */
    private enum Disabled implements UserGrants {
        INSTANCE;

        private static IllegalStateException off() {
            return new IllegalStateException("Stored grants are off: set " + GrantSettings.STORE_GRANTS + "=true and "
                    + GrantSettings.DATA_SOURCE);
        }

        @Override
        public io.passerine.api.BearerToken accessToken(String userId) {
            throw off();
        }

        @Override
        public boolean revoke(String userId) {
            throw off();
        }

        @Override
        public Optional<StoredGrant> find(String userId) {
            throw off();
        }

        @Override
        public java.util.List<StoredGrant> page(String afterUserId, int limit) {
            throw off();
        }
    }
}
