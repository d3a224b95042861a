package io.passerine.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.api.RateLimit;
import io.passerine.api.RateLimitedException;
import io.passerine.internal.config.ConfigReader;
import io.passerine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiPolicyTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final Instant reset = Instant.parse("2026-01-01T00:00:30Z");
    private final Optional<RateLimit> exhausted = Optional.of(new RateLimit(300, 0, reset, clock.instant()));

    private ApiPolicy policy(Map<String, String> config) {
        return new ApiPolicy(ApiSettings.read(ConfigReader.of(config)), clock, bound -> bound); // jitter = its bound
    }

    @Test
    void rateLimitFailsFastByDefaultWithTheResetTime() {
        ApiPolicy.Decision d = policy(Map.of()).decide("GET", 429, exhausted, false, 1, false, "X API call GET /2/tweets");
        RateLimitedException e = assertInstanceOf(ApiPolicy.Fail.class, d).error();
        assertEquals(reset, e.reset().orElseThrow());
        assertFalse(e.usageCapped());
        assertEquals("X API call GET /2/tweets was refused: rate limit exceeded (HTTP 429); the window resets at "
                + "2026-01-01T00:00:30Z", e.getMessage());
    }

    @Test
    void whenConfiguredItWaitsForTheResetPlusJitterOnce() {
        ApiPolicy p = policy(Map.of("passerine.api.rate-limit.wait", "true", "passerine.api.rate-limit.jitter", "2s"));
        assertEquals(new ApiPolicy.Retry(Duration.ofSeconds(32)), p.decide("POST", 429, exhausted, false, 1, false, "x"));
        assertInstanceOf(ApiPolicy.Fail.class, p.decide("POST", 429, exhausted, false, 1, true, "x"),
                "a second 429 after waiting fails");
    }

    @Test
    void waitLongerThanTheMaximumFailsFast() {
        ApiPolicy p = policy(Map.of("passerine.api.rate-limit.wait", "true", "passerine.api.rate-limit.max-wait", "10s"));
        assertInstanceOf(ApiPolicy.Fail.class, p.decide("GET", 429, exhausted, false, 1, false, "x"));
        clock.advance(Duration.ofSeconds(25));
        assertEquals(new ApiPolicy.Retry(Duration.ofSeconds(6)), p.decide("GET", 429, exhausted, false, 1, false, "x"));
    }

    @Test
    void usageCapIsNeverRetried() {
        ApiPolicy p = policy(Map.of("passerine.api.rate-limit.wait", "true"));
        RateLimitedException e = assertInstanceOf(ApiPolicy.Fail.class,
                p.decide("GET", 429, exhausted, true, 1, false, "x")).error();
        assertTrue(e.usageCapped());
        assertTrue(e.getMessage().contains("usage cap"), e.getMessage());
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoffForIdempotentMethodsOnly() {
        ApiPolicy p = policy(Map.of("passerine.api.server-error.retries", "2",
                "passerine.api.server-error.backoff", "100ms"));
        assertEquals(new ApiPolicy.Retry(Duration.ofMillis(100)), p.decide("GET", 503, Optional.empty(), false, 1, false, "x"));
        assertEquals(new ApiPolicy.Retry(Duration.ofMillis(200)), p.decide("GET", 500, Optional.empty(), false, 2, false, "x"));
        assertInstanceOf(ApiPolicy.Pass.class, p.decide("GET", 503, Optional.empty(), false, 3, false, "x"));
        assertInstanceOf(ApiPolicy.Pass.class, p.decide("POST", 503, Optional.empty(), false, 1, false, "x"));
        assertInstanceOf(ApiPolicy.Pass.class, p.decide("GET", 200, Optional.empty(), false, 1, false, "x"));
        assertInstanceOf(ApiPolicy.Pass.class, p.decide("GET", 404, Optional.empty(), false, 1, false, "x"));
    }

    @Test
    void rateLimitHeadersParse() {
        Map<String, String> headers = Map.of("x-rate-limit-limit", "300", "x-rate-limit-remaining", "299",
                "x-rate-limit-reset", "1767225630");
        RateLimit l = RateLimitRegistry.parse(headers::get, clock.instant()).orElseThrow();
        assertEquals(new RateLimit(300, 299, reset, clock.instant()), l);
        assertTrue(RateLimitRegistry.parse(Map.of("x-rate-limit-limit", "x")::get, clock.instant()).isEmpty());
        RateLimitRegistry registry = new RateLimitRegistry();
        registry.record("app-only", "GET /2/tweets", l);
        assertEquals(l, registry.current("app-only", "GET /2/tweets").orElseThrow());
        assertEquals(Map.of("app-only", Map.of("GET /2/tweets", l)), registry.snapshot());
    }
}
