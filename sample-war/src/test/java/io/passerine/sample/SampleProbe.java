package io.passerine.sample;

import io.passerine.login.UserGrants;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Issue 17 test hooks added to the sample in {@link ScheduledPostIT} (unprotected): {@code GET /test/whoami}, {@code
 * POST /test/end-session} (the caller's session ends, as by a timeout), {@code GET /test/scheduled?user=} (the user's
 * scheduled posts: status and note per line) and {@code GET /test/grant?user=}.
 */
@WebServlet("/test/*")
public class SampleProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ScheduledPosts posts;

    @Inject
    UserGrants grants;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        String user = req.getParameter("user");
        switch (String.valueOf(req.getPathInfo())) {
            case "/whoami" -> res.getWriter().write(req.getUserPrincipal() == null ? "" : req.getUserPrincipal()
                    .getName());
            case "/scheduled" -> {
                try {
                    for (ScheduledPosts.Post p : posts.of(user)) {
                        res.getWriter().write(p.status() + " " + p.note() + "\n");
                    }
                } catch (SQLException e) {
                    res.setStatus(500);
                }
            }
            case "/grant" -> res.getWriter().write(grants.find(user).map(g -> "revoked=" + g.revoked())
                    .orElse("none"));
            default -> res.setStatus(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if ("/end-session".equals(req.getPathInfo())) {
            HttpSession s = req.getSession(false);
            if (s != null) {
                s.invalidate();
            }
            res.getWriter().write("ended=" + (s != null));
        } else {
            res.setStatus(404);
        }
    }
}
