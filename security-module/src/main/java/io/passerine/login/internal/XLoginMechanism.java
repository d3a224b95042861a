package io.passerine.login.internal;

import io.passerine.internal.config.LoginSettings;
import io.passerine.ProviderException;
import io.passerine.login.internal.CallbackValidator.Accepted;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The X login (RFC 6749 §4.1 Authorization Code Grant with RFC 7636 PKCE, following RFC 9700). Thin: it only
 * dispatches on the request path and orchestrates the protocol steps of {@link LoginRuntime}.
 * <ul>
 * <li>protected resource, nobody logged in → new {@link LoginTransaction} (keeping a same-origin form POST's
 * parameters: {@link SavedForms}), 302 to the authorize endpoint;</li>
 * <li>the redirect URI's path → {@link CallbackValidator}, {@link CodeExchange}, {@link UserInfoClient}, login in a
 * new session ({@link Superseded}: another user's session ends, the same user's gets a new id), 302 to the
 * original path;</li>
 * <li>{@code {ctx}/oauth2/login?scope=&return=} → a new login asking for more scopes (step-up);</li>
 * <li>{@code POST {ctx}/oauth2/logout} from the app's own origin ({@link SameOrigin}) → {@link Revoker}, session
 * invalidated, 302 to the post-logout path;</li>
 * <li>any other request of a logged-in session → the caller is re-established from the session (groups: scopes,
 * default groups and the application's identity stores' at login, {@link GroupSource});</li>
 * <li>a protected request or {@code authenticate()} (public pages too) without a login that is not a browser
 * navigation ({@link RequestKind}) → 401 with a challenge ({@link LoginChallenge}), never a redirect;</li>
 * <li>{@code HttpServletRequest.logout()} → {@code cleanSubject}: {@link ContainerLogout}.</li>
 * </ul>
 * Added as an {@code @ApplicationScoped} bean by {@link LoginExtension}.
 */
public class XLoginMechanism implements HttpAuthenticationMechanism {

    private static final System.Logger LOG = System.getLogger(XLoginMechanism.class.getName());

    @Inject
    LoginBeans beans;

    @Inject
    GrantBeans grantBeans; // issue 17: stored grants

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        LoginRuntime rt = beans.runtime();
        String uri = req.getRequestURI();
        String app = req.getContextPath();
        boolean isCallback = uri.equals(rt.callbackPath());
        if (isCallback || uri.equals(app + LoginRuntime.LOGIN_PATH)) {
            String refusal = rt.queryGuard().refusal(req.getQueryString()); // before anything parses the query
            if (refusal != null) {
                return refused(rt, req, res, ctx, refusal, isCallback);
            }
        }
        if (isCallback) {
            return callback(rt, req, res, ctx);
        }
        if (uri.equals(app + LoginRuntime.LOGOUT_PATH)) {
            return logout(rt, req, res, ctx);
        }
        if (uri.equals(app + LoginRuntime.LOGIN_PATH)) {
            return stepUp(rt, req, res, ctx);
        }
        SessionLogin st = LoginAttribute.get(req);
        boolean newLogin = ctx.isAuthenticationRequest() && ctx.getAuthParameters() != null
                && ctx.getAuthParameters().isNewAuthentication();
        if (st != null && !newLogin) {
            rt.forms().restore(req, ctx); // the first GET after a login a form started sees that form
            return ctx.notifyContainerAboutLogin(st.user().principal(), rt.groups(st));
        }
        if (ctx.isProtected() || ctx.isAuthenticationRequest()) { // authenticate(): from public pages too
            if (LoginChallenge.isApi(req, rt.settings().apiDetection())) {
                return LoginChallenge.send(req, res); // 401 + challenge, never a redirect to X
            }
            return startLogin(rt, req, res, ctx, ReturnPath.of(uri, req.getQueryString()), scopes(rt, st, Set.of()),
                    rt.forms().capture(req));
        }
        return ctx.doNothing();
    }

    /** {@code HttpServletRequest.logout()}: the X login ends too ({@link ContainerLogout}). */
    @Override
    public void cleanSubject(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        grants().loggingOut(LoginAttribute.get(req)); // issue 17: the stored grant ends too
        ContainerLogout.end(beans.runtime(), req);
        HttpAuthenticationMechanism.super.cleanSubject(req, res, ctx);
    }

    /** Issue 17: the application's stored grants (none in unit tests without the CDI glue). */
    private StoredGrants grants() {
        return grantBeans == null ? StoredGrants.NONE : grantBeans.grants();
    }

    /** The configured scopes, those already granted in {@code st} (if any), and {@code extra}. */
    private static List<String> scopes(LoginRuntime rt, SessionLogin st, Set<String> extra) {
        Set<String> scopes = new LinkedHashSet<>(rt.settings().scopes());
        GrantedTokens granted = st == null ? null : st.peek();
        if (granted != null) {
            scopes.addAll(granted.scopes());
        }
        scopes.addAll(extra);
        return new ArrayList<>(scopes);
    }

    private static AuthenticationStatus startLogin(LoginRuntime rt, HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx, String returnPath, List<String> scopes, Optional<FormData> form) {
        LoginSettings s = rt.settings();
        LoginTransaction tx = LoginTransaction.start(returnPath, scopes, rt.clock().instant()).withForm(form);
        rt.transactions(req, res).save(tx);
        return ctx.redirect(tx.authorizationUri(s).toString());
    }

    private static AuthenticationStatus stepUp(LoginRuntime rt, HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        StepUpRequest up;
        try { // the raw query only: req.getParameter would make the container parse an unbounded query first
            up = StepUpRequest.parse(rt.queryGuard().parse(req.getQueryString()), rt.settings().policy(),
                    req.getContextPath());
        } catch (LoginFailure f) {
            LOG.log(Level.INFO, "Step-up refused (HTTP 400): {0}", f.getMessage());
            return ErrorPages.send(req, res, ctx, rt.settings().errorPage(), f, req.getContextPath() + "/");
        }
        return startLogin(rt, req, res, ctx, up.returnPath(),
                scopes(rt, LoginAttribute.get(req), new LinkedHashSet<>(up.scopes())),
                rt.forms().takeForLogin(req, up.returnPath()));
    }

    private AuthenticationStatus callback(LoginRuntime rt, HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        try {
            Map<String, List<String>> params = rt.queryGuard().parse(req.getQueryString()); // bounded, then parsed
            Accepted accepted = rt.validator().validate(params, rt.transactions(req, res));
            GrantedTokens tokens = rt.exchange().exchange(accepted.code(), accepted.transaction());
            UserInfo user = rt.userInfo().fetch(tokens.accessToken());
            Set<String> groups = rt.groups(tokens);
            Set<String> appGroups = beans.groupSource().groupsOf(user, groups); // the app's identity stores
            groups.addAll(appGroups);
            SessionLogin before = LoginAttribute.owner(req); // issue 17
            GrantedTokens beforeTokens = before == null ? null : before.peek(); // issue 17
            Superseded previous = Superseded.endOrRenew(req, user);
            AuthenticationStatus status = ctx.notifyContainerAboutLogin(user.principal(), groups);
            if (status != AuthenticationStatus.SUCCESS) {
                throw new LoginFailure(LoginFailure.Kind.BAD_CALLBACK, "The server refused the login.");
            }
            LoginAttribute.put(req, new SessionLogin(user, tokens, appGroups));
            rt.forms().afterLogin(req, accepted.transaction());
            previous.revoke(rt.revoker(), tokens);
            grants().loggedIn(before, beforeTokens, user, tokens); // issue 17: store (or replace) the user's grant
            rt.metrics().login(TokenEndpoint.CLIENT);
            LOG.log(Level.INFO, "X login of {0} with scopes {1}", user.principal(), tokens.scopes());
            return ctx.redirect(accepted.transaction().returnPath());
        } catch (LoginFailure f) {
            LOG.log(Level.WARNING, "X login failed ({0}, HTTP {1})", f.kind(), f.kind().status());
            return failed(rt, req, res, ctx, f, f.kind().reason());
        } catch (ProviderException e) {
            LoginFailure f = LoginFailure.from(e);
            LOG.log(Level.WARNING, "X login failed: {0}", e.getMessage());
            return failed(rt, req, res, ctx, f, f.kind().reason());
        } catch (RuntimeException e) { // anything else (a cache, a parser): a clear page, never a stack trace
            LOG.log(Level.WARNING, "X login failed: unexpected {0}", e.getClass().getName());
            return failed(rt, req, res, ctx,
                    new LoginFailure(LoginFailure.Kind.PROVIDER, "Login failed. Please start again."), "unexpected");
        }
    }

    /** A login that ends here: counted by {@code reason}, then the error page. */
    private static AuthenticationStatus failed(LoginRuntime rt, HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx, LoginFailure f, String reason) {
        rt.metrics().loginFailure(TokenEndpoint.CLIENT, reason);
        return ErrorPages.send(req, res, ctx, rt.settings().errorPage(), f, req.getContextPath() + "/");
    }

    /**
     * An over-long or over-counted query: the built-in 400 page, never a forward to the application's error page
     * (a forward or that page could make the container parse the query after all).
     */
    private static AuthenticationStatus refused(LoginRuntime rt, HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx, String refusal, boolean isCallback) {
        LOG.log(Level.INFO, "Refused {0} (HTTP 400): {1}", isCallback ? "a callback" : "a login request", refusal);
        if (isCallback) {
            rt.metrics().loginFailure(TokenEndpoint.CLIENT, LoginFailure.Kind.BAD_CALLBACK.reason());
        }
        return ErrorPages.send(req, res, ctx, java.util.Optional.empty(),
                new LoginFailure(LoginFailure.Kind.BAD_CALLBACK, refusal + " Please start again."),
                req.getContextPath() + "/");
    }

    private AuthenticationStatus logout(LoginRuntime rt, HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        if (!"POST".equals(req.getMethod())) {
            res.setHeader("Allow", "POST");
            return ErrorPages.send(req, res, ctx, rt.settings().errorPage(), new LoginFailure(
                    LoginFailure.Kind.BAD_CALLBACK, "Log out with a POST request (a form button)."),
                    req.getContextPath() + "/");
        }
        if (!rt.sameOrigin().allows(req.getHeader("Origin"), req.getHeader("Referer"))) {
            LOG.log(Level.WARNING, "X logout refused: a cross-site request (Origin/Referer not the application's)");
            return ErrorPages.send(req, res, ctx, rt.settings().errorPage(), new LoginFailure(
                    LoginFailure.Kind.CROSS_SITE, "Log out from the application's own page."),
                    req.getContextPath() + "/");
        }
        SessionLogin st = LoginAttribute.get(req);
        GrantedTokens tokens = st == null ? null : st.drop();
        grants().loggingOut(st, tokens); // issue 17: delete the stored grant (revoked with the session's tokens)
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (tokens != null && !rt.revoker().revoke(tokens)) {
            LOG.log(Level.WARNING, "X logout of {0}: revocation failed, session ended anyway", st.user().principal());
        }
        ctx.cleanClientSubject();
        return ctx.redirect(req.getContextPath() + rt.settings().postLogoutPath());
    }
}
