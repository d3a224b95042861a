package io.passerine.sample;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * {@code /sample/welcome}: a public page that uses only the standard Jakarta APIs with Passerine's X login —
 * {@code ?login} calls {@code request.authenticate()} ({@code ?login=security-context}: {@code
 * SecurityContext.authenticate()}), which logs in through X and comes back here; the logout button calls
 * {@code request.logout()}; {@code SecurityContext.isCallerInRole("admin")} shows the role the sample's
 * {@link SampleAdmins} identity store grants.
 */
@WebServlet("/welcome")
public class WelcomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        String login = req.getParameter("login");
        if (login != null && !loggedIn(req, res, login)) {
            return; // the mechanism answered: a redirect to X's consent page (or a 401 for a script)
        }
        String ctx = req.getContextPath();
        // the Servlet API's caller: null when nobody is logged in (WildFly's SecurityContext.getCallerPrincipal()
        // answers "anonymous" there)
        Principal caller = req.getUserPrincipal();
        StringBuilder body = new StringBuilder();
        if (caller == null) {
            body.append("<p id=\"who\">You are not logged in.</p>\n<p><a id=\"login\" href=\"").append(ctx)
                    .append("/welcome?login\">Log in with X</a> (<code>request.authenticate()</code>) · <a ")
                    .append("id=\"login-sc\" href=\"").append(ctx).append("/welcome?login=security-context\">")
                    .append("the same with <code>SecurityContext.authenticate()</code></a></p>");
        } else {
            boolean admin = security.isCallerInRole("admin");
            body.append("<p id=\"who\">Logged in as X user <strong id=\"principal\">")
                    .append(Html.escape(caller.getName())).append("</strong>.</p>\n<p>Role <code>admin</code>: ")
                    .append("<strong id=\"admin\">").append(admin ? "yes" : "no").append("</strong>")
                    .append(admin ? " — <a href=\"" + ctx + "/admin\">admin page</a>" : "").append("</p>\n")
                    .append("<form method=\"post\" action=\"").append(ctx).append("/welcome\"><button id=\"")
                    .append("local-logout\" type=\"submit\">Log out (<code>request.logout()</code>)</button></form>");
        }
        Html.write(res, 200, ctx, "Welcome", body.toString());
    }

    /** {@code request.logout()}: Passerine drops the session's X tokens and revokes them at X. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        req.logout();
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", req.getContextPath() + "/welcome");
    }

    private boolean loggedIn(HttpServletRequest req, HttpServletResponse res, String how)
            throws IOException, ServletException {
        if (how.equals("security-context")) {
            AuthenticationStatus status = security.authenticate(req, res, AuthenticationParameters.withParams());
            return status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.NOT_DONE
                    && req.getUserPrincipal() != null;
        }
        return req.authenticate(res);
    }
}
