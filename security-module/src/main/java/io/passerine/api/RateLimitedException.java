package io.passerine.api;

import io.passerine.ProviderException;
import java.time.Instant;

/**
 * X answered 429: the rate-limit window of the endpoint is used up (wait until {@link #reset()}), or the app hit its
 * usage cap ({@link #usageCapped()}: waiting for the window does not help).
 */
public class RateLimitedException extends ProviderException {

    private static final long serialVersionUID = 1L;

    private final boolean usageCapped;

    public RateLimitedException(String message, Instant reset, boolean usageCapped) {
        super(Failure.REJECTED, message, 429, usageCapped ? "usage-capped" : "rate-limit-exceeded", reset, null);
        this.usageCapped = usageCapped;
    }

    /** When the window resets, if X said. */
    public java.util.Optional<Instant> reset() {
        return retryAfter();
    }

    public boolean usageCapped() {
        return usageCapped;
    }
}
