package io.passerine.api;

import java.time.Instant;

/**
 * X's quota of one endpoint for one client, as its last response told ({@code x-rate-limit-limit},
 * {@code x-rate-limit-remaining}, {@code x-rate-limit-reset} in Unix epoch seconds).
 */
public record RateLimit(long limit, long remaining, Instant reset, Instant observedAt) {

    /** {@return whether the window is used up (until {@link #reset()})} */
    public boolean exhausted() {
        return remaining <= 0;
    }
}
