package io.passerine.login.internal;

import io.passerine.login.LoginRequiredException;
import io.passerine.api.BearerToken;
import io.passerine.login.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** {@link CurrentUser} of the current request, read from its HTTP session. */
final class SessionCurrentUser implements CurrentUser {

    private final HttpServletRequest request;
    private final LoginRuntime runtime;
    private final StoredGrants grants;

    SessionCurrentUser(HttpServletRequest request, LoginRuntime runtime) {
        this(request, runtime, null);
    }

    /** Issue 17: with {@code grants}, a session's refresh goes through the stored grant ({@link StoredGrants#refresher}). */
    SessionCurrentUser(HttpServletRequest request, LoginRuntime runtime, StoredGrants grants) {
        this.request = request;
        this.runtime = runtime;
        this.grants = grants;
    }

    @Override
    public boolean loggedIn() {
        return LoginAttribute.get(request) != null;
    }

    @Override
    public String principal() {
        return session().user().principal();
    }

    @Override
    public String id() {
        return session().user().id();
    }

    @Override
    public String username() {
        return session().user().username();
    }

    @Override
    public String name() {
        return session().user().name();
    }

    @Override
    public Set<String> scopes() {
        SessionLogin st = LoginAttribute.get(request);
        return st == null ? Set.of() : st.grantedScopes();
    }

    @Override
    public BearerToken accessToken() {
        SessionLogin st = session();
        GrantedTokens before = st.peek();
        GrantedTokens t = st.current(runtime.clock(), runtime.settings().refreshSkew(), grants == null ? runtime.refresher()
                : grants.refresher(st)); // issue 17
        if (t != before) {
            LoginAttribute.touch(request, st);
        }
        return new BearerToken(t.accessToken(), t.expiresAt());
    }

    private SessionLogin session() {
        SessionLogin st = LoginAttribute.get(request);
        if (st == null) {
            throw new LoginRequiredException("Not logged in");
        }
        return st;
    }

    @Override
    public String toString() {
        return "CurrentUser[loggedIn=" + loggedIn() + "]";
    }
}
