package io.passerine.sample.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.SampleDeployments;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, metrics on Open Liberty: the built sample with MicroProfile Telemetry switched on for it (application-level
 * SDK, {@code logging} exporter every 500 ms into messages.log) goes through app-only calls, a login, a refresh and
 * three kinds of failed login; the exported Passerine metrics must equal what the x-emulator counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TelemetryIT {

    static final String SAMPLE = "http://localhost:9080/sample";
    static final String IDS = "1261326399320715264";
    static final String OTEL = """
            otel.sdk.disabled=false
            otel.service.name=passerine-sample
            otel.metrics.exporter=logging
            otel.metric.export.interval=500
            otel.traces.exporter=none
            otel.logs.exporter=none
            """;

    @Deployment(testable = false)
    static WebArchive sample() throws Exception {
        return SampleDeployments.builtSampleWith(OTEL);
    }

    @Test
    void exportedMetricsEqualWhatTheProviderReceived() throws Exception {
        Emulator.reset();
        Emulator.configure("{\"rateLimit\":5,\"accessTokenLifetimeSeconds\":30}"); // 30 s: every use refreshes
        long mark = LoggedMetrics.mark();

        Browser app = new Browser();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, app.get(SAMPLE + "/api/tweets?ids=" + IDS).statusCode());
        }
        Browser user = new Browser();
        assertEquals(302, user.get(user.consent(start(user, "/me"), "otel_user", true)).statusCode());
        assertEquals(200, user.get(SAMPLE + "/timeline").statusCode(), "refreshes first (30 s token, 60 s skew)");

        Browser cancels = new Browser();
        assertEquals(403, cancels.get(cancels.consent(start(cancels, "/me"), "otel_other", false)).statusCode());
        Browser forges = new Browser();
        String callback = forges.consent(start(forges, "/me"), "otel_other", true);
        assertEquals(400, forges.get(callback.replaceAll("state=[^&]+", "state=forged")).statusCode());
        Emulator.fault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"status\":400,"
                + "\"body\":\"{\\\"error\\\":\\\"invalid_grant\\\"}\"}");
        assertEquals(502, forges.get(callback).statusCode(), "the faulted code exchange");

        assertTrue(Emulator.count("/2/tweets") >= 4, "app-only and user API calls reached the emulator");
        assertEquals(0, Emulator.count("traceparent /2/tweets"), "issue 13 (11): no trace context sent to X");
        long appTokens = Emulator.count("/oauth2/token");
        long userTokens = Emulator.count(Emulator.TOKEN);
        assertEquals(1, appTokens);
        assertEquals(3, userTokens, "login, refresh, faulted exchange");
        LoggedMetrics m = awaitExport(mark, exported -> {
            assertEquals(appTokens, exported.value("passerine.token.requests", "passerine.client", "default",
                    "passerine.grant", "client_credentials"), exported.text());
            assertEquals(userTokens, exported.value("passerine.token.requests", "passerine.client", "login"));
            assertEquals(2, exported.value("passerine.token.requests", "passerine.grant", "authorization_code"));
            assertEquals(1, exported.value("passerine.token.requests", "passerine.grant", "refresh_token"));
            assertEquals(1, exported.value("passerine.token.failures", "passerine.grant", "authorization_code",
                    "error.type", "rejected"));
            assertEquals(appTokens + userTokens, exported.value("passerine.token.duration"), "every call timed");
            assertEquals(1, exported.value("passerine.refreshes", "passerine.outcome", "refreshed"));
            assertEquals(1, exported.value("passerine.logins", "passerine.client", "login"));
            assertEquals(1, exported.value("passerine.login.failures", "passerine.reason", "cancelled"));
            assertEquals(1, exported.value("passerine.login.failures", "passerine.reason", "bad_callback"));
            assertEquals(1, exported.value("passerine.login.failures", "passerine.reason", "provider"));
            assertEquals(2, exported.value("passerine.rate_limit.remaining", "passerine.client", "default",
                    "passerine.endpoint", "GET /2/tweets"), "limit 5, 3 calls");
            assertEquals(4, exported.value("passerine.rate_limit.remaining", "passerine.client", "login"),
                    "one user call");
        });
        assertFalse(m.text().contains("otel_user") || m.text().contains("sample-secret")
                || m.text().contains("sample-api-secret"), "no user name or secret in the metrics");
        String log = LoggedMetrics.messagesSince(mark);
        assertFalse(log.contains("SRVE8094W") || log.contains("SRVE8115W"), "an error page committed early: " + log);
    }

    /** Polls the exports after {@code mark} until one passes {@code checks} (30 s at most, then its failure). */
    private static LoggedMetrics awaitExport(long mark, java.util.function.Consumer<LoggedMetrics> checks)
            throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            LoggedMetrics m = LoggedMetrics.since(mark);
            try {
                checks.accept(m);
                return m;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(end)) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    private static String start(Browser b, String path) throws Exception {
        HttpResponse<String> res = b.get(SAMPLE + path);
        assertEquals(302, res.statusCode(), res.body());
        return Browser.location(res);
    }
}
