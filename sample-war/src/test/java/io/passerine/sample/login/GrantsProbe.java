package io.passerine.sample.login;

import io.passerine.login.GrantException;
import io.passerine.login.StoredGrant;
import io.passerine.login.UserGrants;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Issue 17 test hooks of the IT app (unprotected): {@code GET /test/grants/token?user=} ({@link UserGrants#accessToken},
 * a hash of the token or the {@link GrantException} reason, 409), {@code GET /test/grants/find?user=}, {@code POST
 * /test/grants/revoke?user=}, {@code GET /test/grants/dump} (every value of the table, a raw {@code SELECT *}) and
 * {@code POST /test/grants/end-session} (the caller's session ends as by a timeout).
 */
@WebServlet("/test/grants/*")
public class GrantsProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    UserGrants grants;

    @Resource(lookup = "jdbc/passerine")
    DataSource db;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        String user = req.getParameter("user");
        switch (String.valueOf(req.getPathInfo())) {
            case "/token" -> {
                try {
                    res.getWriter().write("token=" + hash(grants.accessToken(user).value()) + "\n");
                } catch (GrantException e) {
                    res.setStatus(409);
                    res.getWriter().write("reason=" + e.reason() + "\nmessage=" + e.getMessage() + "\n");
                }
            }
            case "/find" -> {
                Optional<StoredGrant> g = grants.find(user);
                if (g.isEmpty()) {
                    res.setStatus(404);
                    return;
                }
                res.getWriter().write("revoked=" + g.get().revoked() + "\nscopes=" + g.get().scopes() + "\n");
            }
            case "/dump" -> res.getWriter().write(dump());
            default -> res.setStatus(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        if ("/revoke".equals(req.getPathInfo())) {
            res.getWriter().write("deleted=" + grants.revoke(req.getParameter("user")) + "\n");
        } else if ("/end-session".equals(req.getPathInfo())) {
            HttpSession s = req.getSession(false);
            if (s != null) {
                s.invalidate();
            }
            res.getWriter().write("ended=" + (s != null) + "\n");
        } else {
            res.setStatus(404);
        }
    }

    private String dump() {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM passerine_grants")) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= n; i++) {
                    out.append(r.getString(i)).append('\n');
                }
            }
        } catch (SQLException e) {
            out.append("error=").append(e.getSQLState());
        }
        return out.toString();
    }

    private static String hash(String token) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
