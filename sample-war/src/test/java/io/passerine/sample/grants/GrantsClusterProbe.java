package io.passerine.sample.grants;

import io.passerine.login.UserGrants;
import io.passerine.testing.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Added to the sample on the nodes of {@link GrantsClusterIT} (unprotected): the application's {@link Clock} (system
 * time plus an offset, {@code POST /test/clock?advanceSeconds=}), {@code GET /test/whoami} and {@code GET
 * /test/token?user=} ({@link UserGrants#accessToken}: a hash of the token, never the token).
 */
@WebServlet("/test/*")
public class GrantsClusterProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final MutableClock CLOCK = MutableClock.following(Clock.systemUTC());

    @Inject
    UserGrants grants;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        switch (String.valueOf(req.getPathInfo())) {
            case "/whoami" -> res.getWriter().write(req.getUserPrincipal() == null ? ""
                    : req.getUserPrincipal().getName());
            case "/token" -> res.getWriter().write(hash(grants.accessToken(req.getParameter("user")).value()));
            default -> res.setStatus(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if ("/clock".equals(req.getPathInfo())) {
            CLOCK.advance(Duration.ofSeconds(Long.parseLong(req.getParameter("advanceSeconds"))));
            res.getWriter().write("now=" + CLOCK.instant());
        } else {
            res.setStatus(404);
        }
    }

    private static String hash(String token) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application's clock bean (Passerine uses it for token expiry). */
    @ApplicationScoped
    public static class ClockBean {
        @Produces
        Clock clock() {
            return CLOCK;
        }
    }
}
