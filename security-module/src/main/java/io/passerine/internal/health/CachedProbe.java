package io.passerine.internal.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A provider probe whose result is reused for an interval, so that however often the platform polls readiness, the
 * provider sees at most one probe per interval (plain Java; the clock is injected).
 */
final class CachedProbe {

    /** One probe result: up or down, and data for the health response (never a secret). */
    record Result(boolean up, Map<String, String> data) {
    }

    private record Timed(Result result, long atMillis) {
    }

    private final Supplier<Result> probe;
    private final Clock clock;
    private final long intervalMillis;
    private final AtomicReference<Timed> last = new AtomicReference<>();

    CachedProbe(Supplier<Result> probe, Clock clock, Duration interval) {
        this.probe = probe;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    Result get() {
        Timed t = last.get();
        long now = clock.millis();
        if (t != null && now - t.atMillis < intervalMillis) {
            return t.result;
        }
        Result fresh = probe.get();
        last.set(new Timed(fresh, now));
        return fresh;
    }
}
