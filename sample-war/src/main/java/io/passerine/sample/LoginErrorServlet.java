package io.passerine.sample;

import io.passerine.login.LoginErrorAttributes;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sample's page for failed or cancelled logins ({@code passerine.login.error-page=/login-error}): the mechanism
 * forwards here with the status, a title and a message that holds no secret.
 */
@WebServlet("/login-error")
public class LoginErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object status = req.getAttribute(LoginErrorAttributes.STATUS);
        Object title = req.getAttribute(LoginErrorAttributes.TITLE);
        Object message = req.getAttribute(LoginErrorAttributes.MESSAGE);
        String ctx = req.getContextPath();
        if (status == null) { // opened directly, not forwarded by a failed login
            Html.write(res, 404, ctx, "Nothing here", "<p>There is no failed login to show.</p>");
            return;
        }
        String body = "<div class=\"error\" id=\"login-error\"><p>" + Html.escape(String.valueOf(message))
                + "</p></div>\n<p><a id=\"retry\" href=\"" + ctx + "/me\">Try to log in again</a> or go back to the "
                + "<a href=\"" + ctx + "/\">home page</a>.</p>";
        Html.write(res, (Integer) status, ctx, String.valueOf(title), body);
    }
}
