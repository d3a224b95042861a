package io.passerine.sample;

import io.passerine.login.LoginRequiredException;
import io.passerine.login.SavedForm;
import io.passerine.login.StepUp;
import io.passerine.login.CurrentUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;

/**
 * {@code /sample/compose}: posts to X as the user. It needs {@code tweet.write}, which the default login does not ask
 * for: a user without it is sent through the login again for the extra scope (step-up) and comes back here.
 * Text posted while logged out (or before the step-up) comes back too (issue 20): Passerine keeps the form across the
 * logins and shows it to the first GET afterwards, which puts it back in the textarea; the user posts it again, with
 * a fresh CSRF token. Nothing is posted by itself.
 */
@WebServlet("/compose")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ComposeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final CsrfToken CSRF = new CsrfToken(ComposeServlet.class);

    @Inject
    CurrentUser user;

    @Inject
    XApi api;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!StepUp.require(req, res, "tweet.write")) { // keeps a restored form for the step-up
            return;
        }
        // only a form kept across the login fills the textarea, never a link's ?text=; on this GET the request's
        // parameters include it (SavedForm.of(req).get().first("text") would do as well)
        String kept = SavedForm.of(req).isPresent() ? req.getParameter("text") : null;
        String notice = kept == null ? "" : "<p id=\"kept\" class=\"notice\">Your text was kept while you logged "
                + "in. It has not been posted: check it and post it again.</p>";
        Html.write(res, 200, req.getContextPath(), "Compose", notice + form(req, kept));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        req.setCharacterEncoding("UTF-8"); // the form's page is UTF-8 (WildFly would read the body as ISO-8859-1)
        if (!StepUp.require(req, res, "tweet.write")) { // before reading the body: keeps the form for the step-up
            return;
        }
        if (!CSRF.matches(req)) {
            Html.write(res, 403, req.getContextPath(), "Compose", "<p class=\"error\">This form has expired; "
                    + "<a href=\"compose\">open it again</a>.</p>");
            return;
        }
        String text = req.getParameter("text");
        if (text == null || text.isBlank() || text.length() > 280) {
            Html.write(res, 400, req.getContextPath(), "Compose",
                    "<p class=\"error\">Write 1 to 280 characters.</p>" + form(req, text));
            return;
        }
        XApi.Answer answer;
        try {
            answer = api.postAsUser(text);
        } catch (LoginRequiredException e) {
            StepUp.login(req, res);
            return;
        }
        if (answer.status() != 201) {
            Html.write(res, 502, req.getContextPath(), "Compose",
                    "<p class=\"error\">X answered " + answer.status() + ".</p>" + form(req, text));
            return;
        }
        String id = Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("data")
                .getString("id");
        Html.write(res, 200, req.getContextPath(), "Posted", "<p id=\"posted\">Posted as @"
                + Html.escape(user.username()) + ": “" + Html.escape(text) + "” (id " + Html.escape(id) + ").</p>"
                + "<p><a href=\"compose\">Post another</a></p>");
    }

    private static String form(HttpServletRequest req, String text) {
        return "<p>Posting as the user needs the <code>tweet.write</code> scope, which you granted.</p>"
                + "<form method=\"post\" action=\"compose\"><input type=\"hidden\" name=\"csrf\" value=\""
                + CSRF.of(req.getSession()) + "\"><textarea id=\"text\" name=\"text\" rows=\"3\" cols=\"50\" "
                + "maxlength=\"280\">" + Html.escape(text) + "</textarea><br><button id=\"post\" type=\"submit\">"
                + "Post</button></form>";
    }
}
