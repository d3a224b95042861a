package io.passerine.sample;

import io.passerine.login.CurrentUser;
import io.passerine.login.StepUp;
import io.passerine.login.UserGrants;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@code /sample/schedule} (issue 17): a logged-in user with {@code tweet.write} (step-up) schedules a post a few
 * seconds ahead; {@link PostScheduler}'s EJB timer posts it through the stored grant, also after the session ended.
 * The page lists the user's scheduled and posted items. "Disconnect X" revokes the stored grant at X, deletes it and
 * logs out.
 */
@WebServlet("/schedule")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ScheduleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final CsrfToken CSRF = new CsrfToken(ScheduleServlet.class);

    @Inject
    CurrentUser user;

    @Inject
    UserGrants grants;

    @Inject
    ScheduledPosts posts;

    @Inject
    PostScheduler scheduler;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!StepUp.require(req, res, "tweet.write")) {
            return;
        }
        page(req, res, 200, "");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        req.setCharacterEncoding("UTF-8");
        if (!CSRF.matches(req)) {
            Html.write(res, 403, req.getContextPath(), "Schedule a post", "<p class=\"error\">This form has expired; "
                    + "<a href=\"schedule\">open it again</a>.</p>");
            return;
        }
        String userId = user.principal();
        if ("disconnect".equals(req.getParameter("action"))) {
            try {
                posts.cancelAll(userId);
            } catch (SQLException e) {
                throw new ServletException("The scheduled posts could not be cancelled (SQLState " + e.getSQLState()
                        + ")");
            }
            grants.revoke(userId); // revoked at X, row deleted
            req.logout(); // the session's X login ends too
            HttpSession s = req.getSession(false);
            if (s != null) {
                s.invalidate();
            }
            Html.write(res, 200, req.getContextPath(), "Disconnected", "<p id=\"disconnected\">X is disconnected: "
                    + "the stored grant was revoked at X and deleted; pending posts were cancelled.</p>");
            return;
        }
        if (!StepUp.require(req, res, "tweet.write")) {
            return;
        }
        String text = req.getParameter("text");
        int delay = seconds(req.getParameter("delay"));
        if (text == null || text.isBlank() || text.length() > 280 || delay < 0) {
            page(req, res, 400, "<p class=\"error\">Write 1 to 280 characters, to post in 1 to 3600 seconds.</p>");
            return;
        }
        try {
            scheduler.arm(posts.schedule(userId, text, Instant.now().plusSeconds(delay)));
        } catch (SQLException e) {
            throw new ServletException("The post could not be scheduled (SQLState " + e.getSQLState() + ")");
        }
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", req.getContextPath() + "/schedule");
    }

    private void page(HttpServletRequest req, HttpServletResponse res, int status, String notice) throws IOException {
        StringBuilder list = new StringBuilder("<table id=\"posts\"><tr><th>due</th><th>text</th><th>status</th>"
                + "<th>tweet / note</th></tr>");
        try {
            for (ScheduledPosts.Post p : posts.of(user.principal())) {
                list.append("<tr class=\"post\"><td>").append(p.dueAt()).append("</td><td>")
                        .append(Html.escape(p.text())).append("</td><td class=\"status\">").append(p.status())
                        .append("</td><td class=\"note\">").append(Html.escape(p.note())).append("</td></tr>");
            }
        } catch (SQLException e) {
            list.append("<tr><td colspan=\"4\">The list is unavailable (SQLState ").append(Html.escape(
                    e.getSQLState())).append(").</td></tr>");
        }
        list.append("</table>");
        String csrf = CSRF.of(req.getSession());
        Html.write(res, status, req.getContextPath(), "Schedule a post", notice
                + "<p>An EJB timer posts it as you, through your stored grant, also after you logged out of this "
                + "page's session (it ends when the browser closes or times out).</p>"
                + "<form method=\"post\" action=\"schedule\"><input type=\"hidden\" name=\"csrf\" value=\"" + csrf
                + "\"><textarea id=\"text\" name=\"text\" rows=\"3\" cols=\"50\" maxlength=\"280\"></textarea><br>"
                + "in <input id=\"delay\" name=\"delay\" type=\"number\" min=\"1\" max=\"3600\" value=\"10\"> seconds "
                + "<button id=\"schedule\" type=\"submit\">Schedule</button></form>\n" + list
                + "\n<form method=\"post\" action=\"schedule\"><input type=\"hidden\" name=\"csrf\" value=\"" + csrf
                + "\"><input type=\"hidden\" name=\"action\" value=\"disconnect\"><button id=\"disconnect\" "
                + "type=\"submit\">Disconnect X</button></form>");
    }

    private static int seconds(String s) {
        try {
            int n = Integer.parseInt(s == null ? "" : s.strip());
            return n >= 1 && n <= 3600 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
