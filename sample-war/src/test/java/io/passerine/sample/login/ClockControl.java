package io.passerine.sample.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The IT app's {@link Clock} bean (used by the login for token expiry) and {@code POST /test/clock?advanceSeconds=}. */
@ApplicationScoped
public class ClockControl {

    static final Adjustable CLOCK = new Adjustable();

    @Produces
    Clock clock() {
        return CLOCK;
    }

    /** System time plus an offset the test moves. */
    static final class Adjustable extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Unprotected test hook. */
    @WebServlet("/test/clock")
    public static class Hook extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            CLOCK.offset = CLOCK.offset.plusSeconds(Long.parseLong(req.getParameter("advanceSeconds")));
            res.setContentType("text/plain");
            res.getWriter().write("offset=" + CLOCK.offset + "\n");
        }
    }
}
