package io.passerine.login;

import io.passerine.login.internal.LoginBeans;
import io.passerine.login.internal.LoginChallenge;
import io.passerine.login.internal.LoginPaths;
import io.passerine.login.internal.LoginAttribute;
import io.passerine.login.internal.ReturnPath;
import io.passerine.login.internal.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Step-up and re-login for servlets (JAX-RS resources use {@link RequiresScopes}). The login endpoint is
 * {@code {context}/oauth2/login?scope=<extra scopes>&return=<same-origin path>}, handled by the mechanism.
 */
public final class StepUp {

    private StepUp() {
    }

    /**
     * Makes sure the user granted {@code scopes}: returns true if so; otherwise sends a 302 to the login asking for
     * the granted plus the required scopes (or the normal login when nobody is logged in) and returns false. A request
     * that is not a browser navigation (fetch, XHR; {@code passerine.login.api-detection}) gets a 401 with a
     * {@code WWW-Authenticate} challenge instead of the redirect.
     *
     * @param req the current request (its parameters not read yet, if its form is to be kept)
     * @param res its response, for the redirect or the 401
     * @param scopes the scopes the request needs
     * @return true when every scope is granted; false when the response was sent
     * @throws IOException when the response cannot be sent
     */
    public static boolean require(HttpServletRequest req, HttpServletResponse res, String... scopes)
            throws IOException {
        Optional<String> redirect = redirectFor(req, scopes);
        if (redirect.isPresent()) {
            if (LoginChallenge.isApi(req)) { // fetch/XHR: 401 + challenge; a script's form is not kept
                LoginChallenge.send(req, res);
                return false;
            }
            keepForm(req);
            res.sendRedirect(redirect.get());
            return false;
        }
        return true;
    }

    /**
     * Sends the browser to log in again, back to the current request's path afterwards; a request that is not a
     * browser navigation (fetch, XHR) gets a 401 with a {@code WWW-Authenticate} challenge instead.
     *
     * @param req the current request
     * @param res its response, for the redirect or the 401
     * @throws IOException when the response cannot be sent
     */
    public static void login(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (LoginChallenge.isApi(req)) {
            LoginChallenge.send(req, res);
            return;
        }
        keepForm(req);
        res.sendRedirect(loginUri(req, Set.of()));
    }

    /**
     * Keeps this request's form for the login about to start (issue 20; see {@link SavedForm}): a same-origin form
     * POST whose body was not read yet, or the form restored on this GET. {@link #require} and {@link #login} call
     * it; call it yourself before redirecting to {@link #loginUri} by other means.
     *
     * @param req the current request, its body not read yet
     */
    public static void keepForm(HttpServletRequest req) {
        LoginBeans.forms().ifPresent(forms -> forms.beforeLoginRedirect(req));
    }

    /**
     * @param req the current request
     * @param scopes the scopes it needs
     * @return where to send the browser when {@code scopes} are not all granted; empty when they are
     */
    public static Optional<String> redirectFor(HttpServletRequest req, String... scopes) {
        Set<String> required = new LinkedHashSet<>(Arrays.asList(scopes));
        SessionLogin st = LoginAttribute.get(req);
        if (st != null && st.grantedScopes().containsAll(required)) {
            return Optional.empty();
        }
        return Optional.of(loginUri(req, required));
    }

    /**
     * @param req the current request (the login comes back to its path and query)
     * @param scopes the extra scopes to ask for (none: a plain re-login)
     * @return {@code {ctx}/oauth2/login?scope=...&return=<this request's path and query>}
     */
    public static String loginUri(HttpServletRequest req, Set<String> scopes) {
        String back = ReturnPath.of(req.getRequestURI(), req.getQueryString());
        StringBuilder sb = new StringBuilder(req.getContextPath()).append(LoginPaths.LOGIN).append('?');
        if (!scopes.isEmpty()) {
            sb.append("scope=").append(encode(String.join(" ", scopes))).append('&');
        }
        return sb.append("return=").append(encode(back)).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
