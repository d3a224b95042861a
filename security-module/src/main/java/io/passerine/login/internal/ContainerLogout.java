package io.passerine.login.internal;

import io.passerine.internal.config.LoginSettings;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;

/**
 * The container side of the two logouts; what to revoke is {@link LoginFlow#loggedOut}'s.
 * <ul>
 * <li>{@code POST {ctx}/oauth2/logout} from the application's own origin ({@link SameOrigin}): the session is
 * invalidated, the tokens revoked (RFC 7009), the browser sent to the post-logout path ({@link #post}).</li>
 * <li>{@code HttpServletRequest.logout()} and {@code SecurityContext}-side logouts, which reach the mechanism's
 * {@code cleanSubject} ({@link #end}): the session's X login ends — its tokens are dropped, so the next request is
 * not logged in again from the session — and they are revoked at X: dropped but unrevoked tokens would stay valid at
 * X for up to two hours (the refresh token for months). The HTTP session itself is left to the application (the
 * Servlet contract: {@code logout()} does not invalidate it); its record of whose session it was stays, so a
 * different user logging in later in the same session still gets a fresh one ({@link Superseded}).</li>
 * </ul>
 */
final class ContainerLogout {

    private static final System.Logger LOG = System.getLogger(ContainerLogout.class.getName());

    private final LoginFlow flow;
    private final SameOrigin sameOrigin;
    private final LoginSettings settings;
    private final StoredGrants grants;

    ContainerLogout(LoginFlow flow, SameOrigin sameOrigin, LoginSettings settings, StoredGrants grants) {
        this.flow = flow;
        this.sameOrigin = sameOrigin;
        this.settings = settings;
        this.grants = grants;
    }

    /** {@code POST /oauth2/logout}: 400 for another method, 403 from another site, else logout and 302. */
    AuthenticationStatus post(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        if (!"POST".equals(req.getMethod())) {
            res.setHeader("Allow", "POST");
            return refuse(req, res, ctx, LoginFailure.Kind.BAD_CALLBACK, "Log out with a POST request (a form button).");
        }
        if (!sameOrigin.allows(req.getHeader("Origin"), req.getHeader("Referer"))) {
            LOG.log(Level.WARNING, "X logout refused: a cross-site request (Origin/Referer not the application's)");
            return refuse(req, res, ctx, LoginFailure.Kind.CROSS_SITE, "Log out from the application's own page.");
        }
        SessionLogin st = LoginAttribute.get(req);
        grants.loggingOut(st); // issue 17: the stored grant is revoked and deleted too
        GrantedTokens tokens = st == null ? null : st.drop();
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        flow.loggedOut(st == null ? null : st.user().principal(), tokens);
        ctx.cleanClientSubject();
        return ctx.redirect(req.getContextPath() + settings.postLogoutPath());
    }

    /** Ends the X login of {@code req}'s session, if any; never throws for a revocation failure. */
    void end(HttpServletRequest req) {
        SessionLogin st = LoginAttribute.get(req);
        if (st == null) {
            return;
        }
        grants.loggingOut(st); // issue 17
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

    private AuthenticationStatus refuse(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx,
            LoginFailure.Kind kind, String message) {
        return ErrorPages.send(req, res, ctx, settings.errorPage(), new LoginFailure(kind, message),
                req.getContextPath() + "/");
    }
}
