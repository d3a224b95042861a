package io.passerine.api.internal;

import io.passerine.api.RateLimit;
import io.passerine.api.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * What to do with an API response (plain Java, no JAX-RS): pass it on, send the request again after a delay, or fail
 * with a typed exception. 429 with a reset: wait for the reset plus jitter when configured and the wait is short
 * enough, once; otherwise fail fast. A 429 usage cap is never retried. 5xx: bounded retries with exponential backoff
 * and full jitter, for idempotent methods only (RFC 9110 §9.2.2).
 */
public final class ApiPolicy {

    /** The decision for one response. */
    public sealed interface Decision permits Pass, Retry, Fail {
    }

    record Pass() implements Decision {
    }

    public record Retry(Duration delay) implements Decision {
    }

    public record Fail(RateLimitedException error) implements Decision {
    }

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    private static final Pass PASS = new Pass();

    private final ApiSettings settings;
    private final Clock clock;
    private final LongUnaryOperator jitter;

    /** Whether calls to X may carry the app's trace context ({@code passerine.api.propagate-trace-context}). */
    public boolean propagatesTraceContext() {
        return settings.propagateTraceContext();
    }

    ApiPolicy(ApiSettings settings, Clock clock) {
        this(settings, clock, bound -> bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** @param jitter a random delay in [0, bound] milliseconds (tests pass a fixed one) */
    ApiPolicy(ApiSettings settings, Clock clock, LongUnaryOperator jitter) {
        this.settings = settings;
        this.clock = clock;
        this.jitter = jitter;
    }

    /**
     * @param attempt        1 for the first response of a call, 2 for the response to its first retry, ...
     * @param rateLimitRetry whether a 429 was already waited for in this call
     */
    public Decision decide(String method, int status, Optional<RateLimit> limit, boolean usageCapped, int attempt,
            boolean rateLimitRetry, String what) {
        if (status == 429) {
            return on429(limit.map(RateLimit::reset), usageCapped, rateLimitRetry, what);
        }
        if (status >= 500 && status <= 599 && IDEMPOTENT.contains(method) && attempt <= settings.serverErrorRetries()) {
            long base = settings.serverErrorBackoff().toMillis() << Math.min(attempt - 1, 20);
            return new Retry(Duration.ofMillis(jitter.applyAsLong(base)));
        }
        return PASS;
    }

    private Decision on429(Optional<Instant> reset, boolean usageCapped, boolean alreadyWaited, String what) {
        if (usageCapped) {
            return new Fail(new RateLimitedException(what + " was refused: usage cap reached (HTTP 429); waiting "
                    + "for the rate-limit window does not help", reset.orElse(null), true));
        }
        if (settings.waitOnRateLimit() && !alreadyWaited && reset.isPresent()) {
            Duration wait = Duration.between(clock.instant(), reset.get());
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
            Duration withJitter = wait.plusMillis(jitter.applyAsLong(settings.rateLimitJitter().toMillis()));
            if (withJitter.compareTo(settings.maxRateLimitWait()) <= 0) {
                return new Retry(withJitter);
            }
        }
        return new Fail(new RateLimitedException(what + " was refused: rate limit exceeded (HTTP 429)"
                + reset.map(r -> "; the window resets at " + r).orElse(""), reset.orElse(null), false));
    }
}
