package io.passerine.login.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;

/**
 * {@code HttpServletRequest.logout()} and {@code SecurityContext}-side logouts, which reach the mechanism's
 * {@code cleanSubject}: the session's X login ends — its tokens are dropped, so the next request is not logged in
 * again from the session — and they are revoked at X (RFC 7009, best effort, as {@code POST /oauth2/logout} does):
 * dropped but unrevoked tokens would stay valid at X for up to two hours (the refresh token for months).
 *
 * <p>The HTTP session itself is left to the application (the Servlet contract: {@code logout()} does not invalidate
 * it); its record of whose session it was stays, so a different user logging in later in the same session still
 * gets a fresh one ({@link Superseded}).
 */
final class ContainerLogout {

    private static final System.Logger LOG = System.getLogger(ContainerLogout.class.getName());

    private ContainerLogout() {
    }

    /** Ends the X login of {@code req}'s session, if any; never throws for a revocation failure. */
    static void end(LoginFlow flow, HttpServletRequest req) {
        SessionLogin st = LoginAttribute.get(req);
        if (st == null) {
            return;
        }
        GrantedTokens tokens = st.drop();
        LoginAttribute.touch(req, st);
        if (tokens == null) {
            return; // a concurrent logout got them first
        }
        boolean revoked = flow.loggedOut(st.user().principal(), tokens);
        LOG.log(revoked ? Level.INFO : Level.WARNING, revoked
                ? "X logout of {0} (HttpServletRequest.logout): tokens dropped and revoked"
                : "X logout of {0} (HttpServletRequest.logout): tokens dropped; revocation failed", st.user().principal());
    }
}
