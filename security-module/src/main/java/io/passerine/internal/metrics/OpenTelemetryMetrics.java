package io.passerine.internal.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.passerine.api.RateLimit;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Supplier;

/**
 * {@link Metrics} recorded through the OpenTelemetry metrics API (MicroProfile Telemetry 2.0), instrumentation scope
 * {@code io.passerine}. Loaded only when the API is visible to the application ({@link Telemetry}), so nothing else
 * in the module links to OpenTelemetry. {@link #close()} unregisters the rate-limit gauge's callback.
 */
public final class OpenTelemetryMetrics implements Metrics, AutoCloseable {

    static final AttributeKey<String> CLIENT = AttributeKey.stringKey("passerine.client");
    static final AttributeKey<String> GRANT = AttributeKey.stringKey("passerine.grant");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("passerine.outcome");
    static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("passerine.reason");
    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("passerine.endpoint");
    /**
     * Users' quotas are reported under the login's client name, one series per endpoint: the lowest remaining of all
     * users (no user names).
     */
    static final String USERS = "login";

    private final LongCounter tokenRequests;
    private final LongCounter tokenFailures;
    private final DoubleHistogram tokenDuration;
    private final LongCounter refreshes;
    private final LongCounter logins;
    private final LongCounter loginFailures;
    private final ObservableLongGauge rateLimitRemaining;

    /**
     * @param openTelemetry an {@code io.opentelemetry.api.OpenTelemetry} (typed Object so callers need not link the API)
     * @param rateLimits the quotas last seen, client → endpoint → quota ({@code RateLimits.snapshot()})
     * @param clock tells which quotas are past their reset (those are not reported: their window is over)
     */
    public static Metrics create(Object openTelemetry, Supplier<Map<String, Map<String, RateLimit>>> rateLimits,
            Clock clock) {
        return new OpenTelemetryMetrics((OpenTelemetry) openTelemetry, rateLimits, clock);
    }

    OpenTelemetryMetrics(OpenTelemetry openTelemetry, Supplier<Map<String, Map<String, RateLimit>>> rateLimits,
            Clock clock) {
        Meter meter = openTelemetry.getMeter("io.passerine");
        tokenRequests = meter.counterBuilder("passerine.token.requests")
                .setDescription("Calls to the provider's token endpoint").setUnit("{request}").build();
        tokenFailures = meter.counterBuilder("passerine.token.failures")
                .setDescription("Token endpoint calls that failed, by error.type").setUnit("{request}").build();
        tokenDuration = meter.histogramBuilder("passerine.token.duration")
                .setDescription("Latency of token endpoint calls").setUnit("s")
                .setExplicitBucketBoundariesAdvice(List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
                .build();
        refreshes = meter.counterBuilder("passerine.refreshes")
                .setDescription("Refreshes of users' access tokens, by outcome").setUnit("{refresh}").build();
        logins = meter.counterBuilder("passerine.logins")
                .setDescription("Completed X logins").setUnit("{login}").build();
        loginFailures = meter.counterBuilder("passerine.login.failures")
                .setDescription("X logins that ended on an error page, by reason").setUnit("{login}").build();
        rateLimitRemaining = meter.gaugeBuilder("passerine.rate_limit.remaining").ofLongs()
                .setDescription("Requests left in X's current rate-limit window (x-rate-limit-remaining)")
                .setUnit("{request}")
                .buildWithCallback(m -> remaining(rateLimits.get(), clock.instant())
                        .forEach((attributes, left) -> m.record(left, attributes)));
    }

    @Override
    public void tokenRequest(String client, String grant, long nanos, String failure) {
        Attributes attributes = Attributes.of(CLIENT, client, GRANT, grant);
        tokenRequests.add(1, attributes);
        Attributes timed = attributes.toBuilder().put(OUTCOME, failure == null ? "success" : "failure").build();
        tokenDuration.record(nanos / 1e9, timed);
        if (failure != null) {
            tokenFailures.add(1, attributes.toBuilder().put(ERROR, failure).build());
        }
    }

    @Override
    public void refresh(String client, String outcome) {
        refreshes.add(1, Attributes.of(CLIENT, client, OUTCOME, outcome));
    }

    @Override
    public void login(String client) {
        logins.add(1, Attributes.of(CLIENT, client));
    }

    @Override
    public void loginFailure(String client, String reason) {
        loginFailures.add(1, Attributes.of(CLIENT, client, REASON, reason));
    }

    @Override
    public void close() {
        rateLimitRemaining.close();
    }

    /**
     * One value per (client, endpoint) whose window has not reset yet (an old window's count would alarm for ever).
     * Client names as in the other metrics: the registry's {@code app-only} is {@code default}, {@code app-only:x} is
     * {@code x}, and every {@code user:<name>} folds into {@value #USERS} with the lowest remaining, so no user name
     * becomes an attribute.
     */
    static Map<Attributes, Long> remaining(Map<String, Map<String, RateLimit>> snapshot, Instant now) {
        Map<Attributes, Long> values = new HashMap<>();
        snapshot.forEach((client, endpoints) -> {
            String name = client.startsWith("user:") ? USERS
                    : client.equals("app-only") ? "default"
                    : client.startsWith("app-only:") ? client.substring("app-only:".length()) : client;
            endpoints.forEach((endpoint, limit) -> {
                if (limit.reset().isAfter(now)) {
                    values.merge(Attributes.of(CLIENT, name, ENDPOINT, endpoint), limit.remaining(), Math::min);
                }
            });
        });
        return values;
    }
}
