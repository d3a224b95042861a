package io.passerine.emulator.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults to inject on the next N calls of an endpoint path: an HTTP status and body, a delay, or a dropped
 * connection. Thread-safe: concurrent calls consume one remaining count each.
 */
public final class FaultPlan {

    /**
     * One fault: {@code status == 0} means "no canned answer" (the delay is applied and the real endpoint answers).
     * Only X's own paths can be faulted ({@code /2/...}, {@code /oauth2/...}, {@code /i/oauth2/...}): a fault cannot
     * add a page at a new path.
     */
    public record Fault(String path, int count, int status, long delayMillis, String body, String contentType,
                        boolean drop) {
        public Fault {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("path is required");
            }
            if (!(path.startsWith("/2/") || path.startsWith("/oauth2/") || path.startsWith("/i/oauth2/"))
                    || path.contains("..")) {
                throw new IllegalArgumentException("path must be one of X's: /2/..., /oauth2/... or /i/oauth2/...");
            }
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1");
            }
            if (status != 0 && (status < 100 || status > 599)) {
                throw new IllegalArgumentException("status must be an HTTP status");
            }
            if (delayMillis < 0 || delayMillis > 120_000) {
                throw new IllegalArgumentException("delayMillis must be between 0 and 120000");
            }
            body = body == null ? "" : body;
            contentType = contentType == null ? "application/json" : contentType;
        }
    }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    /** Replaces any fault planned for the same path. */
    public void add(Fault fault) {
        faults.put(fault.path(), fault);
    }

    /** Consumes one occurrence of the fault planned for the path, if any. */
    public Optional<Fault> next(String path) {
        Fault[] taken = new Fault[1];
        faults.computeIfPresent(path, (p, f) -> {
            taken[0] = f;
            return f.count() > 1
                    ? new Fault(f.path(), f.count() - 1, f.status(), f.delayMillis(), f.body(), f.contentType(),
                            f.drop())
                    : null;
        });
        return Optional.ofNullable(taken[0]);
    }

    public void clear() {
        faults.clear();
    }
}
