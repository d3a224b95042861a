package io.passerine.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.passerine.api.RateLimit;
import io.passerine.ProviderException;
import io.passerine.testing.InMemoryMetrics;
import io.passerine.testing.MutableClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The OpenTelemetry names, attributes and values of Passerine's metrics, read back through a real SDK. */
class OpenTelemetryMetricsTest {

    static final Instant T = Instant.parse("2026-01-01T00:15:00Z"); // the windows' reset
    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");

    @Test
    void tokenRequestsAreCountedTimedAndFailuresKeptApartByKind() {
        InMemoryMetrics otel = new InMemoryMetrics();
        Metrics m = otel.metrics();
        assertEquals("T", m.timeTokenRequest("default", Metrics.CLIENT_CREDENTIALS, () -> "T"));
        assertThrows(ProviderException.class, () -> m.timeTokenRequest("default", Metrics.CLIENT_CREDENTIALS, () -> {
            throw new ProviderException(ProviderException.Failure.TIMEOUT, "slow", 0, null, null, null);
        }));
        assertThrows(IllegalStateException.class, () -> m.timeTokenRequest("login", Metrics.REFRESH_TOKEN, () -> {
            throw new IllegalStateException("bug");
        }));

        assertEquals(2, otel.value("passerine.token.requests", "passerine.client", "default",
                "passerine.grant", "client_credentials"), otel.dump());
        assertEquals(1, otel.value("passerine.token.requests", "passerine.grant", "refresh_token"));
        assertEquals(1, otel.value("passerine.token.failures", "passerine.client", "default", "error.type", "timeout"));
        assertEquals(1, otel.value("passerine.token.failures", "passerine.client", "login", "error.type", "unexpected"));
        assertEquals(1, otel.value("passerine.token.duration", "passerine.client", "default",
                "passerine.outcome", "success"));
        assertEquals(3, otel.value("passerine.token.duration"), "every call is timed");
    }

    @Test
    void loginsFailuresAndRefreshesByReasonAndOutcome() {
        InMemoryMetrics otel = new InMemoryMetrics();
        Metrics m = otel.metrics();
        m.login("login");
        m.login("login");
        m.loginFailure("login", "cancelled");
        m.loginFailure("login", "bad_callback");
        m.loginFailure("login", "bad_callback");
        m.refresh("login", Metrics.REFRESHED);
        m.refresh("login", Metrics.LOGIN_REQUIRED);
        assertEquals(2, otel.value("passerine.logins", "passerine.client", "login"));
        assertEquals(2, otel.value("passerine.login.failures", "passerine.reason", "bad_callback"));
        assertEquals(1, otel.value("passerine.login.failures", "passerine.reason", "cancelled"));
        assertEquals(1, otel.value("passerine.refreshes", "passerine.outcome", "refreshed"));
        assertEquals(1, otel.value("passerine.refreshes", "passerine.outcome", "login_required"));
    }

    @Test
    void rateLimitGaugeReadsTheCurrentQuotasAndFoldsUsersIntoTheirLowest() {
        AtomicReference<Map<String, Map<String, RateLimit>>> seen = new AtomicReference<>(Map.of(
                "app-only", Map.of("/2/tweets", new RateLimit(450, 447, T, T)),
                "app-only:second", Map.of("/2/tweets", new RateLimit(450, 300, T, T)),
                "user:jack", Map.of("/2/users/me", new RateLimit(75, 70, T, T)),
                "user:jill", Map.of("/2/users/me", new RateLimit(75, 12, T, T))));
        InMemoryMetrics otel = new InMemoryMetrics(seen::get, clock);
        assertEquals(447, otel.value("passerine.rate_limit.remaining", "passerine.client", "default",
                "passerine.endpoint", "/2/tweets"), otel.dump());
        assertEquals(12, otel.value("passerine.rate_limit.remaining", "passerine.client", "login",
                "passerine.endpoint", "/2/users/me"));
        assertEquals(300, otel.value("passerine.rate_limit.remaining", "passerine.client", "second"));
        assertFalse(otel.dump().contains("jack"), "no user name becomes an attribute");

        seen.set(Map.of("app-only", Map.of("/2/tweets", new RateLimit(450, 446, T, T))));
        assertEquals(446, otel.value("passerine.rate_limit.remaining", "passerine.endpoint", "/2/tweets"));

        clock.advance(java.time.Duration.ofMinutes(15)); // the window reset: its old count is no longer reported
        assertEquals(0, otel.value("passerine.rate_limit.remaining"), otel.dump());
        assertFalse(otel.dump().contains("rate_limit"), otel.dump());
    }

    @Test
    void closingUnregistersTheGaugeCallback() throws Exception {
        InMemoryMetrics otel = new InMemoryMetrics(() -> Map.of("app-only",
                Map.of("/2/tweets", new RateLimit(450, 447, T, T))), clock);
        assertEquals(447, otel.value("passerine.rate_limit.remaining"));
        ((AutoCloseable) otel.metrics()).close();
        assertEquals(0, otel.value("passerine.rate_limit.remaining"), otel.dump());
    }

    @Test
    void noneRecordsNothingAndStillRunsTheCall() {
        assertEquals("x", Metrics.NONE.timeTokenRequest("default", Metrics.CLIENT_CREDENTIALS, () -> "x"));
    }
}
