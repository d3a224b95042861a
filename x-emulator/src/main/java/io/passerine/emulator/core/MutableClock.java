package io.passerine.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Clock} that follows a base clock plus an offset that tests may advance (never rewind). Thread-safe. */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    public MutableClock(Clock base) {
        this.base = base;
    }

    /** Moves this clock forward; negative durations are refused. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the emulator clock only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
    }

    /** Back to the base clock's time. */
    public void resetOffset() {
        offsetMillis.set(0);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }
}
