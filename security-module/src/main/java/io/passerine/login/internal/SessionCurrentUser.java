package io.passerine.login.internal;

import java.util.function.Function;
import io.passerine.login.LoginRequiredException;
import io.passerine.api.BearerToken;
import io.passerine.login.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** {@link CurrentUser} of the current request, read from its HTTP session. */
final class SessionCurrentUser implements CurrentUser {

    private final HttpServletRequest request;
    private final Clock clock;
    private final Duration refreshSkew;
    private final Function<SessionLogin, Refresher> refresher;

    /** @param refreshSkew how long before its expiry an access token is refreshed */
    SessionCurrentUser(HttpServletRequest request, Clock clock, Duration refreshSkew, Refresher refresher) {
        this(request, clock, refreshSkew, st -> refresher);
    }

    /** @param refresher the refresh of a session: its own, or through the user's stored grant (issue 17) */
    SessionCurrentUser(HttpServletRequest request, Clock clock, Duration refreshSkew,
            Function<SessionLogin, Refresher> refresher) {
        this.request = request;
        this.clock = clock;
        this.refreshSkew = refreshSkew;
        this.refresher = refresher;
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
        GrantedTokens t;
        try {
            t = st.current(clock, refreshSkew, refresher.apply(st));
        } catch (LoginRequiredException e) { // tokens dropped: the other nodes must see that too (issue 18)
            LoginAttribute.touch(request, st);
            throw e;
        }
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
