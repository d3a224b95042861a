package io.passerine.login.internal;

import io.passerine.login.LoginRequiredException;
import io.passerine.login.UserAccessToken;
import io.passerine.login.UserTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** {@link UserTokens} of the current request, read from its HTTP session. */
final class SessionUserTokens implements UserTokens {

    private final HttpServletRequest request;
    private final LoginRuntime runtime;

    SessionUserTokens(HttpServletRequest request, LoginRuntime runtime) {
        this.request = request;
        this.runtime = runtime;
    }

    @Override
    public boolean loggedIn() {
        return LoginSessions.get(request) != null;
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
        SessionTokens st = LoginSessions.get(request);
        TokenSet t = st == null ? null : st.peek();
        return t == null ? Set.of() : t.scopes();
    }

    @Override
    public UserAccessToken accessToken() {
        SessionTokens st = session();
        TokenSet before = st.peek();
        TokenSet t;
        try {
            t = st.current(runtime.clock(), runtime.settings().refreshSkew(), runtime.refresher());
        } catch (LoginRequiredException e) { // tokens dropped: the other nodes must see that too
            LoginSessions.touch(request, st);
            throw e;
        }
        if (t != before) {
            LoginSessions.touch(request, st);
        }
        return new UserAccessToken(t.accessToken(), t.expiresAt());
    }

    private SessionTokens session() {
        SessionTokens st = LoginSessions.get(request);
        if (st == null) {
            throw new LoginRequiredException("Not logged in");
        }
        return st;
    }

    @Override
    public String toString() {
        return "UserTokens[loggedIn=" + loggedIn() + "]";
    }
}
