package io.passerine.apponly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.api.BearerToken;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.testing.FakeTokenEndpoint;
import io.passerine.testing.InMemoryMetrics;
import io.passerine.testing.FakeTokenEndpoint.Answer;
import io.passerine.testing.MutableClock;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The app-only client against a real HTTP token endpoint on loopback, counting what the endpoint received. */
class DefaultAppOnlyTokenClientTest {

    static final String KEY = "key with spaces+plus";
    static final String SECRET = "s3cr3t:with/odd=chars";
    static final String X_TOKEN = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F";
    static final String TOKEN_PATH = "/oauth2/token";
    static final String INVALIDATE_PATH = "/oauth2/invalidate_token";

    private final FakeTokenEndpoint x;
    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");

    DefaultAppOnlyTokenClientTest() throws Exception {
        x = new FakeTokenEndpoint();
    }

    @AfterEach
    void stop() {
        x.close();
    }

    @Test
    void requestsLikeXDocumentsAndCachesTheTokenWithoutExpiry() {
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"" + X_TOKEN + "\"}"));
        DefaultAppOnlyTokenClient client = client(Map.of());

        BearerToken token = client.token();
        clock.advance(Duration.ofDays(400));
        assertEquals(token, client.token());

        assertEquals(X_TOKEN, token.value());
        assertTrue(token.expiresAt().isEmpty());
        assertEquals(1, x.calls(TOKEN_PATH));
        FakeTokenEndpoint.Received r = x.last();
        assertEquals("POST", r.method());
        assertEquals("grant_type=client_credentials", r.body());
        assertTrue(r.header("Content-Type").startsWith("application/x-www-form-urlencoded"), r.header("Content-Type"));
        String basic = "key+with+spaces%2Bplus:s3cr3t%3Awith%2Fodd%3Dchars"; // urlencode(key):urlencode(secret)
        assertEquals("Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)),
                r.header("Authorization"));
    }

    @Test
    void thousandConcurrentCallersCauseOneRequestAtTheServer() throws Exception {
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T\"}").delayed(200));
        DefaultAppOnlyTokenClient client = client(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(1000);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BearerToken>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return client.token();
            }));
        }
        start.countDown();
        for (Future<BearerToken> f : results) {
            assertEquals("T", f.get(30, TimeUnit.SECONDS).value());
        }
        pool.shutdown();
        assertEquals(1, x.calls(TOKEN_PATH));
    }

    @Test
    void expiresInIsHonouredWithTheConfiguredSkew() {
        x.answer(TOKEN_PATH, Answer.json(200,
                "{\"token_type\":\"Bearer\",\"access_token\":\"T\",\"expires_in\":3600}"));
        DefaultAppOnlyTokenClient client = client(Map.of("passerine.app-only.refresh-skew", "5m"));
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), client.token().expiresAt().orElseThrow());
        clock.advance(Duration.ofMinutes(54));
        client.token();
        assertEquals(1, x.calls(TOKEN_PATH));
        clock.advance(Duration.ofMinutes(1));
        client.token();
        assertEquals(2, x.calls(TOKEN_PATH));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "403 code 99 | 403 | application/json | {\"errors\":[{\"code\":99,\"label\":\"authenticity_token_error\",\"message\":\"Unable to verify your credentials\"}]} | REJECTED | HTTP 403 99: Unable to verify your credentials",
        "500 html    | 500 | text/html        | <html>oops</html> | REJECTED | HTTP 500 (text/html body)",
        "400 oauth   | 400 | application/json | {\"error\":\"invalid_client\",\"error_description\":\"bad client\"} | REJECTED | HTTP 400 invalid_client: bad client",
        "200 html    | 200 | text/html        | <html>login</html> | MALFORMED_RESPONSE | answered HTTP 200 without a usable bearer token",
        "bad json    | 200 | application/json | {\"token_type\":\"bearer\",\"access_token\": | MALFORMED_RESPONSE | answered HTTP 200 without a usable bearer token",
        "no token    | 200 | application/json | {\"token_type\":\"bearer\"} | MALFORMED_RESPONSE | answered HTTP 200 without a usable bearer token",
        "wrong type  | 200 | application/json | {\"token_type\":\"N_A\",\"access_token\":\"T\"} | MALFORMED_RESPONSE | answered HTTP 200 with token_type 'N_A', expected bearer",
        "dpop type   | 200 | application/json | {\"token_type\":\"DPoP\",\"access_token\":\"T\"} | MALFORMED_RESPONSE | answered HTTP 200 with token_type 'DPoP', expected bearer",
    })
    void badAnswersBecomeTypedErrorsWithoutSecrets(String name, int status, String type, String body, Failure failure,
            String expected) {
        x.answer(TOKEN_PATH, new Answer(status, type, body, 0));
        DefaultAppOnlyTokenClient client = client(Map.of());
        ProviderException e = assertThrows(ProviderException.class, client::token);
        assertEquals(failure, e.failure());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("App-only token request (client 'default') to " + x.uri(TOKEN_PATH)));
        assertNoSecret(e.getMessage());
        assertNoSecret(String.valueOf(e.getCause()));
    }

    @Test
    void slowEndpointTimesOutAndTheNextCallTriesAgainAfterTheBackoff() {
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T\"}").delayed(1500));
        DefaultAppOnlyTokenClient client = client(Map.of("passerine.app-only.read-timeout", "300ms"));
        assertEquals(Failure.TIMEOUT, assertThrows(ProviderException.class, client::token).failure());
        assertEquals(Failure.BACKING_OFF, assertThrows(ProviderException.class, client::token).failure());
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T\"}"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("T", client.token().value());
        assertEquals(2, x.calls(TOKEN_PATH));
    }

    @Test
    void metricsCountExactlyTheRequestsTheEndpointReceived() throws Exception {
        InMemoryMetrics otel = new InMemoryMetrics();
        x.answer(TOKEN_PATH, Answer.json(403, "{\"errors\":[{\"code\":99,\"message\":\"Unable to verify\"}]}"));
        DefaultAppOnlyTokenClient client = new DefaultAppOnlyTokenClient(AppOnlySettings.read(ConfigReader.of(Map.of(
                "passerine.app-only.api-key", KEY,
                "passerine.app-only.api-secret", SECRET,
                "passerine.app-only.token-uri", x.uri(TOKEN_PATH).toString(),
                "passerine.app-only.revoke-uri", x.uri(INVALIDATE_PATH).toString())), ""), clock, null, otel.metrics());
        assertEquals(Failure.REJECTED, assertThrows(ProviderException.class, client::token).failure());
        assertEquals(Failure.BACKING_OFF, assertThrows(ProviderException.class, client::token).failure());
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T\"}").delayed(100));
        clock.advance(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<BearerToken>> callers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            callers.add(pool.submit(client::token));
        }
        for (Future<BearerToken> f : callers) {
            assertEquals("T", f.get(10, TimeUnit.SECONDS).value());
        }
        pool.shutdown();

        assertEquals(2, x.calls(TOKEN_PATH));
        assertEquals(x.calls(TOKEN_PATH), otel.value("passerine.token.requests", "passerine.client", "default",
                "passerine.grant", "client_credentials"), otel.dump());
        assertEquals(1, otel.value("passerine.token.failures", "error.type", "rejected"), "BACKING_OFF sent nothing");
        assertEquals(1, otel.value("passerine.token.duration", "passerine.outcome", "success"));
        assertFalse(otel.dump().contains(SECRET) || otel.dump().contains(KEY));
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DefaultAppOnlyTokenClient client = client(Map.of("passerine.app-only.token-uri",
                "http://127.0.0.1:" + closedPort + "/oauth2/token"));
        ProviderException e = assertThrows(ProviderException.class, client::token);
        assertEquals(Failure.UNREACHABLE, e.failure());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void invalidateCallsXsInvalidateTokenAndDropsTheCache() {
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"" + X_TOKEN + "\"}"));
        x.answer(INVALIDATE_PATH, Answer.json(200, "{\"access_token\":\"" + X_TOKEN + "\"}"));
        DefaultAppOnlyTokenClient client = client(Map.of());
        client.token();
        client.invalidate();

        FakeTokenEndpoint.Received r = x.last();
        assertEquals(INVALIDATE_PATH, r.path());
        assertEquals("access_token=" + java.net.URLEncoder.encode(X_TOKEN, StandardCharsets.UTF_8), r.body());
        assertTrue(r.header("Authorization").startsWith("Basic "));
        client.token();
        assertEquals(2, x.calls(TOKEN_PATH));
    }

    @Test
    void invalidateWithRfc7009SendsTokenParameter() {
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T1\"}"));
        x.answer("/revoke", Answer.json(200, ""));
        DefaultAppOnlyTokenClient client = client(Map.of("passerine.app-only.revoke-style", "rfc7009",
                "passerine.app-only.revoke-uri", x.uri("/revoke").toString()));
        client.token();
        client.invalidate();
        assertEquals("/revoke", x.last().path());
        assertTrue(x.last().body().contains("token=T1"), x.last().body());
        assertTrue(x.last().header("Authorization").startsWith("Basic "));
    }

    /**
     * Resolved difference (issue 16): one success rule with the login, any 2xx. Before, the app-only client took
     * only 200: a 201 token answer was "refused", a 204 to an RFC 7009 revocation made invalidate() throw.
     */
    @Test
    void another2xxIsAcceptanceForTokenAndRevocation() {
        x.answer(TOKEN_PATH, Answer.json(201, "{\"token_type\":\"bearer\",\"access_token\":\"T1\"}"));
        x.answer("/revoke", new Answer(204, "text/plain", "", 0));
        DefaultAppOnlyTokenClient client = client(Map.of("passerine.app-only.revoke-style", "rfc7009",
                "passerine.app-only.revoke-uri", x.uri("/revoke").toString()));
        assertEquals("T1", client.token().value());
        client.invalidate();
        assertEquals(1, x.calls("/revoke"));
        assertEquals(1, x.calls(TOKEN_PATH));
    }

    @Test
    void failedInvalidateStillDropsTheTokenAndSaysWhy() {
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T1\"}"));
        x.answer(INVALIDATE_PATH, Answer.json(503, "{\"errors\":[{\"code\":131,\"message\":\"Internal error\"}]}"));
        DefaultAppOnlyTokenClient client = client(Map.of());
        client.token();
        ProviderException e = assertThrows(ProviderException.class, client::invalidate);
        assertTrue(e.getMessage().contains("HTTP 503 131: Internal error"), e.getMessage());
        client.token();
        assertEquals(2, x.calls(TOKEN_PATH));
    }

    @Test
    void nothingPrintableShowsACredential() {
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"" + X_TOKEN + "\"}"));
        DefaultAppOnlyTokenClient client = client(Map.of());
        BearerToken token = client.token();
        assertNoSecret(token.toString());
        assertFalse(token.toString().contains(X_TOKEN));
        assertNoSecret(client.toString());
        assertNoSecret(client.settings().toString());
    }

    private DefaultAppOnlyTokenClient client(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "passerine.app-only.api-key", KEY,
                "passerine.app-only.api-secret", SECRET,
                "passerine.app-only.token-uri", x.uri(TOKEN_PATH).toString(),
                "passerine.app-only.revoke-uri", x.uri(INVALIDATE_PATH).toString()));
        config.putAll(extra);
        return new DefaultAppOnlyTokenClient(AppOnlySettings.read(ConfigReader.of(config), ""), clock);
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains(X_TOKEN), text);
    }
}
