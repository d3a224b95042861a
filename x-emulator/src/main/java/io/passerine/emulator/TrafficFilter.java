package io.passerine.emulator;

import io.passerine.emulator.core.EmulatorState;
import io.passerine.emulator.core.FaultPlan;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Counts every call per path (except the control surface), and separately those that carry a {@code traceparent}
 * ({@code "traceparent <path>"}), and applies planned faults before the endpoint runs:
 * a delay, a canned status/body, or a dropped connection. A drop sends a 200 status line and headers promising a
 * body of {@link #DROP_LENGTH} bytes, the first {@link #PARTIAL_LENGTH} of them, then aborts: clients see a premature end of the response
 * (for the JDK client an {@code IOException}), never a complete answer. Canned bodies are served sandboxed (CSP
 * {@code sandbox}, {@code nosniff}): whatever their content type, no script of theirs runs.
 */
@WebFilter("/*")
public class TrafficFilter extends HttpFilter {

    /** Stats key prefix of the calls that carried a W3C {@code traceparent} header. */
    static final String TRACED = "traceparent ";
    static final int DROP_LENGTH = 1 << 20;
    static final int PARTIAL_LENGTH = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(TrafficFilter.class.getName());

    @Inject
    ConfiguredEmulator runtime;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/_control")) {
            chain.doFilter(req, res);
            return;
        }
        EmulatorState state = runtime.state();
        state.stats().count(path);
        if (req.getHeader("traceparent") != null) { // a caller's internal trace id reached the third party
            state.stats().count(TRACED + path);
        }
        Optional<FaultPlan.Fault> fault = runtime.controlEnabled() ? state.faults().next(path) : Optional.empty();
        if (fault.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        FaultPlan.Fault f = fault.get();
        LOG.info(() -> "x-emulator injecting fault on " + req.getMethod() + " " + path);
        sleep(f.delayMillis());
        if (f.drop()) {
            drop(res);
        } else if (f.status() == 0) {
            chain.doFilter(req, res);
        } else {
            byte[] body = f.body().getBytes(StandardCharsets.UTF_8);
            res.setStatus(f.status());
            res.setContentType(f.contentType());
            // a canned body is data, never an active page on the emulator's origin
            res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
            res.setHeader("X-Content-Type-Options", "nosniff");
            res.setContentLength(body.length);
            res.getOutputStream().write(body);
        }
    }

    private static void drop(HttpServletResponse res) throws IOException {
        res.setStatus(200);
        res.setContentType("application/json");
        res.setHeader("Content-Length", Integer.toString(DROP_LENGTH));
        // more than Liberty buffers, so the status line, headers and part of the body really leave the server
        byte[] filler = new byte[8192];
        java.util.Arrays.fill(filler, (byte) ' ');
        var out = res.getOutputStream();
        out.write("{\"data\":".getBytes(StandardCharsets.US_ASCII));
        for (int sent = 0; sent < PARTIAL_LENGTH; sent += filler.length) {
            out.write(filler);
            out.flush();
        }
        throw new IOException("x-emulator: connection dropped on purpose by the fault plan");
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
