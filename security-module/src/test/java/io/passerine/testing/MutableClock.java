package io.passerine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock that tests move by hand, so expiry logic is tested without sleeping: either from a fixed instant
 * ({@link #startingAt}) or following a base clock plus an offset ({@link #following}, e.g. a test server's live time).
 * Thread-safe. Shared with the sample's ITs and the benchmarks through this module's test-jar.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** A clock standing at {@code start} until advanced. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    public static MutableClock startingAt(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant));
    }

    /** {@code base}'s time plus whatever the test advanced. */
    public static MutableClock following(Clock base) {
        return new MutableClock(base);
    }

    public synchronized void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
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
