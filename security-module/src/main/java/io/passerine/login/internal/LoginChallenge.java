package io.passerine.login.internal;

import io.passerine.internal.config.ApiDetection;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The answer to a request that needs a login but is not a browser navigation ({@link RequestKind#API}): 401 with the
 * challenge {@code WWW-Authenticate: OAuth2-Login realm="<context path>", login_uri="<context path>/oauth2/login"}
 * (RFC 9110 §11.6.1 requires one on every 401) and a small JSON body, never a redirect to X.
 *
 * <p>Not {@code Bearer}: RFC 6750 §3 would tell the client to retry with a bearer token, which this resource never
 * accepts (and a script holding an X token would be invited to send it here). {@code OAuth2-Login} is a private,
 * unregistered scheme (RFC 9110 §16.4 registration is optional); its {@code login_uri} is where the user's browser
 * (a top-level navigation, with {@code ?return=<path>}) logs in.
 *
 * <p>Status and headers are set directly and the mechanism returns {@code SEND_FAILURE}: Open Liberty answers a
 * {@code SEND_CONTINUE} with 401 by its own Basic challenge (rewriting the response: SRVE8115W), and passes a
 * {@code SEND_FAILURE} response through as written. WildFly (Undertow) ends a failed authentication of a protected
 * resource with {@code sendError(401)}: the headers stay, the JSON body becomes its error page; so the response is
 * left uncommitted for it.
 */
public final class LoginChallenge {

    private static final System.Logger LOG = System.getLogger(LoginChallenge.class.getName());
    /** The auth-scheme of the challenge. */
    static final String SCHEME = "OAuth2-Login";

    private LoginChallenge() {
    }

    /** Whether {@code req} is not a browser navigation under the application's detection rules. */
    public static boolean isApi(HttpServletRequest req, ApiDetection detection) {
        return RequestKind.of(detection, req::getHeader) == RequestKind.API;
    }

    /** The {@code WWW-Authenticate} value for the application at {@code contextPath} ("" for the root). */
    public static String header(String contextPath) {
        String realm = contextPath.isEmpty() ? "/" : contextPath;
        return SCHEME + " realm=\"" + quoted(realm) + "\", login_uri=\"" + quoted(loginUri(contextPath)) + "\"";
    }

    /** The JSON body: {@code {"error":"login_required","login_uri":"<ctx>/oauth2/login"}}. */
    public static String body(String contextPath) {
        return "{\"error\":\"login_required\",\"login_uri\":\"" + quoted(loginUri(contextPath)) + "\"}";
    }

    /** Writes the 401 with challenge and body; the mechanism's answer is {@code SEND_FAILURE} (see class comment). */
    public static AuthenticationStatus send(HttpServletRequest req, HttpServletResponse res) {
        LOG.log(Level.DEBUG, "401 login challenge for a non-navigation request to {0}", req.getRequestURI());
        res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        res.setHeader("WWW-Authenticate", header(req.getContextPath()));
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("application/json;charset=UTF-8");
        res.setHeader("X-Content-Type-Options", "nosniff");
        try { // not flushed: WildFly's Undertow answers a failed authentication of a protected resource with
            // sendError(status), which must find the response uncommitted (else UT010019 and an ERROR per request);
            // it keeps the headers and replaces this body by its error page. Liberty sends the body as written.
            res.getWriter().write(body(req.getContextPath()));
        } catch (IOException e) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The same 401 as a JAX-RS response (the login-required mapper and the scope filter). */
    static jakarta.ws.rs.core.Response jaxrs(HttpServletRequest req) {
        return jakarta.ws.rs.core.Response.status(HttpServletResponse.SC_UNAUTHORIZED)
                .header("WWW-Authenticate", header(req.getContextPath())).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .type("application/json;charset=UTF-8").entity(body(req.getContextPath())).build();
    }

    /** Whether {@code req} is not a navigation, under the current application's rules (all signals without one). */
    public static boolean isApi(HttpServletRequest req) {
        return isApi(req, LoginBeans.apiDetection());
    }

    private static String loginUri(String contextPath) {
        return contextPath + LoginPaths.LOGIN;
    }

    /** A context path inside a quoted-string (RFC 9110 §5.6.4): backslash and quote escaped. */
    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
