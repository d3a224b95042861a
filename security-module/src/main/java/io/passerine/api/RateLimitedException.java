package io.passerine.api;

import io.passerine.ProviderException;
import java.time.Instant;

/**
 * X answered 429: the rate-limit window of the endpoint is used up (wait until {@link #reset()}), or the app hit its
 * usage cap ({@link #usageCapped()}: waiting for the window does not help).
 */
public class RateLimitedException extends ProviderException {

    private static final long serialVersionUID = 1L;

    /** X's monthly usage cap, not the 15-minute window. */
    private final boolean usageCapped;

    /**
     * @param message     what happened, for a person; no credential
     * @param reset       when the window resets, or null when X did not say
     * @param usageCapped whether X's usage cap (not the rate-limit window) was hit
     */
    public RateLimitedException(String message, Instant reset, boolean usageCapped) {
        super(Failure.REJECTED, message, 429, usageCapped ? "usage-capped" : "rate-limit-exceeded", reset, null);
        this.usageCapped = usageCapped;
    }

    /** {@return when the window resets, if X said} */
    public java.util.Optional<Instant> reset() {
        return retryAfter();
    }

    /** {@return whether X's usage cap was hit ({@code UsageCapExceeded}), which waits for the cap period, not 15 minutes} */
    public boolean usageCapped() {
        return usageCapped;
    }
}
