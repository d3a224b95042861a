package io.passerine.login.internal;

import io.passerine.internal.config.LoginSettings;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The X login's container side: dispatches on the request path and does what only the container can (redirects,
 * session, {@code notifyContainerAboutLogin}, error pages); the sequence itself is {@link LoginFlow}.
 * <ul>
 * <li>protected resource, nobody logged in → {@link LoginFlow#begin} (keeping a same-origin form POST's parameters:
 * {@link SavedForms}), 302 to the authorize endpoint;</li>
 * <li>the redirect URI's path → {@link LoginFlow#complete}, login in a new session ({@link Superseded}), 302 to the
 * original path;</li>
 * <li>{@code {ctx}/oauth2/login?scope=&return=} → a new login asking for more scopes (step-up);</li>
 * <li>{@code POST {ctx}/oauth2/logout} → {@link ContainerLogout#post};</li>
 * <li>any other request of a logged-in session → the caller is re-established from the session;</li>
 * <li>a protected request or {@code authenticate()} without a login that is not a browser navigation
 * ({@link RequestKind}) → 401 with a challenge ({@link LoginChallenge}), never a redirect;</li>
 * <li>{@code HttpServletRequest.logout()} → {@code cleanSubject}: {@link ContainerLogout#end}.</li>
 * </ul>
 * Added as an {@code @ApplicationScoped} bean by {@link LoginExtension}.
 */
public class XLoginMechanism implements HttpAuthenticationMechanism {

    private final LoginFlow flow;
    private final TransactionStores transactions;
    private final SavedForms forms;
    private final ContainerLogout logout;
    private final QueryGuard queryGuard;
    private final LoginSettings settings;
    private final StoredGrants grants;

    /** For the container's client proxy only. */
    XLoginMechanism() {
        this.flow = null;
        this.transactions = null;
        this.forms = null;
        this.logout = null;
        this.queryGuard = null;
        this.settings = null;
        this.grants = null;
    }

    @Inject
    XLoginMechanism(LoginBeans beans) {
        this(beans.assembly(), beans.grants());
    }

    XLoginMechanism(LoginAssembly login) {
        this(login, StoredGrants.NONE);
    }

    /** @param grants the stored grants (issue 17): a login stores the user's, a logout deletes it */
    XLoginMechanism(LoginAssembly login, StoredGrants grants) {
        this.flow = login.flow();
        this.transactions = login.transactions();
        this.forms = login.forms();
        this.logout = new ContainerLogout(login.flow(), login.sameOrigin(), login.settings(), grants);
        this.queryGuard = login.queryGuard();
        this.settings = login.settings();
        this.grants = grants;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        String uri = req.getRequestURI();
        String app = req.getContextPath();
        boolean isCallback = uri.equals(settings.redirectUri().getRawPath());
        boolean isLogin = LoginPaths.is(uri, app, LoginPaths.LOGIN);
        if (isCallback || isLogin) {
            String refusal = queryGuard.refusal(req.getQueryString()); // before anything parses the query
            if (refusal != null) { // the built-in page: a forward could make the container parse the query after all
                return ErrorPages.send(req, res, ctx, Optional.empty(), flow.refused(refusal, isCallback), app + "/");
            }
        }
        if (isCallback) {
            return callback(req, res, ctx);
        }
        if (LoginPaths.is(uri, app, LoginPaths.LOGOUT)) {
            return logout.post(req, res, ctx);
        }
        if (isLogin) {
            return stepUp(req, res, ctx);
        }
        SessionLogin st = LoginAttribute.get(req);
        boolean newLogin = ctx.isAuthenticationRequest() && ctx.getAuthParameters() != null
                && ctx.getAuthParameters().isNewAuthentication();
        if (st != null && !newLogin) {
            forms.restore(req, ctx); // the first GET after a login a form started sees that form
            return ctx.notifyContainerAboutLogin(st.user().principal(), flow.groups(st));
        }
        if (ctx.isProtected() || ctx.isAuthenticationRequest()) { // authenticate(): from public pages too
            if (LoginChallenge.isApi(req, settings.apiDetection())) {
                return LoginChallenge.send(req, res); // 401 + challenge, never a redirect to X
            }
            return begin(req, res, ctx, ReturnPath.of(uri, req.getQueryString()), flow.scopes(st, Set.of()),
                    forms.capture(req));
        }
        return ctx.doNothing();
    }

    /** {@code HttpServletRequest.logout()}: the X login ends too ({@link ContainerLogout}). */
    @Override
    public void cleanSubject(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        logout.end(req);
        HttpAuthenticationMechanism.super.cleanSubject(req, res, ctx);
    }

    private AuthenticationStatus begin(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx,
            String returnPath, List<String> scopes, Optional<FormData> form) {
        return ctx.redirect(flow.begin(transactions.open(req, res), returnPath, scopes, form).toString());
    }

    private AuthenticationStatus stepUp(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        StepUpRequest up;
        try { // the raw query only: req.getParameter would make the container parse an unbounded query first
            up = flow.stepUp(req.getQueryString(), req.getContextPath());
        } catch (LoginFailure f) {
            return failed(req, res, ctx, f);
        }
        return begin(req, res, ctx, up.returnPath(), flow.scopes(LoginAttribute.get(req), up.scopes()),
                forms.takeForLogin(req, up.returnPath()));
    }

    private AuthenticationStatus callback(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
        try {
            CompletedLogin login = flow.complete(queryGuard.parse(req.getQueryString()), transactions.open(req, res));
            SessionLogin before = LoginAttribute.owner(req); // issue 17: an account switch ends its stored grant
            GrantedTokens beforeTokens = before == null ? null : before.peek();
            PreviousLogin previous = Superseded.endOrRenew(req, login.user());
            if (ctx.notifyContainerAboutLogin(login.user().principal(), login.groups())
                    != AuthenticationStatus.SUCCESS) {
                throw new LoginFailure(LoginFailure.Kind.BAD_CALLBACK, "The server refused the login.");
            }
            LoginAttribute.put(req, login.session());
            forms.afterLogin(req, login.transaction());
            flow.loggedIn(login, previous);
            grants.loggedIn(before, beforeTokens, login.user(), login.tokens()); // issue 17: store (or replace) the user's grant
            return ctx.redirect(login.returnPath());
        } catch (RuntimeException e) {
            return failed(req, res, ctx, flow.failed(e));
        }
    }

    private AuthenticationStatus failed(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx,
            LoginFailure f) {
        return ErrorPages.send(req, res, ctx, settings.errorPage(), f, req.getContextPath() + "/");
    }
}
