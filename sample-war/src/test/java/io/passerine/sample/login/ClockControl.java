package io.passerine.sample.login;

import io.passerine.testing.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/** The IT app's {@link Clock} bean (used by the login for token expiry) and {@code POST /test/clock?advanceSeconds=}. */
@ApplicationScoped
public class ClockControl {

    /** System time plus an offset the test moves. */
    static final MutableClock CLOCK = MutableClock.following(Clock.systemUTC());

    @Produces
    Clock clock() {
        return CLOCK;
    }

    /** Unprotected test hook. */
    @WebServlet("/test/clock")
    public static class Hook extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            CLOCK.advance(Duration.ofSeconds(Long.parseLong(req.getParameter("advanceSeconds"))));
            res.setContentType("text/plain");
            res.getWriter().write("now=" + CLOCK.instant() + "\n");
        }
    }
}
