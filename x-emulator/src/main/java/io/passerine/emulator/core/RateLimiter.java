package io.passerine.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed windows per key (for example "user pool + endpoint"): a window opens at the first call and allows
 * {@code limit} calls until it ends. Thread-safe.
 */
public final class RateLimiter {

    /** The outcome of one call: whether it may proceed, and the values of X's {@code x-rate-limit-*} headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond) {
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("x-rate-limit-limit", Integer.toString(limit));
            h.put("x-rate-limit-remaining", Integer.toString(remaining));
            h.put("x-rate-limit-reset", Long.toString(resetEpochSecond));
            return h;
        }
    }

    private record Window(Instant end, int used) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one call against the key's window. */
    public Decision hit(String key, int limit, Duration window) {
        Instant now = clock.instant();
        Window w = windows.compute(key, (k, old) -> {
            if (old == null || !now.isBefore(old.end())) {
                return new Window(now.plus(window), 1);
            }
            return new Window(old.end(), old.used() + 1);
        });
        boolean allowed = w.used() <= limit;
        int remaining = Math.max(0, limit - w.used());
        long reset = w.end().getEpochSecond() + (w.end().getNano() > 0 ? 1 : 0);
        return new Decision(allowed, limit, remaining, reset);
    }

    public void clear() {
        windows.clear();
    }
}
