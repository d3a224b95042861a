package io.passerine.login.internal;

import io.passerine.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.login.internal.FakeProvider.Reply;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checklist §Login rows 9–11: what the token request carries, and every way the token endpoint can fail. */
class TokenEndpointTest {

    static final String TOKEN = "/2/oauth2/token";
    static final String OK = "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-1\","
            + "\"scope\":\"tweet.read users.read offline.access\",\"refresh_token\":\"RT-1\"}";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private FakeProvider provider;

    @AfterEach
    void stop() {
        provider.close();
    }

    private GrantedTokens exchange(Map<String, String> extra) {
        var settings = provider.settings(extra);
        LoginTransaction tx = LoginTransaction.start("/ctx/", List.of("tweet.read"), clock.instant());
        return new CodeExchange(new TokenEndpoint(settings, clock), settings.redirectUri())
                .exchange(new AuthorizationCode("the-code"), tx);
    }

    @Test
    void confidentialClientSendsBasicVerifierAndConfiguredRedirectUri() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(200, OK));
        GrantedTokens t = exchange(Map.of());
        assertEquals("AT-1", t.accessToken());
        assertEquals("RT-1", t.refreshToken());
        assertEquals(Instant.parse("2026-01-01T02:00:00Z"), t.expiresAt());
        assertEquals(java.util.Set.of("tweet.read", "users.read", "offline.access"), t.scopes());
        FakeProvider.Call call = provider.calls.get(0);
        Map<String, List<String>> form = FakeProvider.form(call);
        assertEquals(List.of("authorization_code"), form.get("grant_type"));
        assertEquals(List.of("the-code"), form.get("code"));
        assertEquals(List.of("https://app.example/ctx/oauth2/callback"), form.get("redirect_uri"));
        assertEquals(43, form.get("code_verifier").get(0).length());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-1:s3cr3t-value"
                .getBytes(StandardCharsets.UTF_8)), call.authorization());
        assertFalse(t.toString().contains("AT-1"));
        assertFalse(t.toString().contains("RT-1"));
    }

    @Test
    void publicClientSendsClientIdAndNoAuthorization() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(200,
                "{\"token_type\":\"bearer\",\"access_token\":\"AT-2\"}"));
        GrantedTokens t = exchange(Map.of("passerine.login.client-secret", ""));
        FakeProvider.Call call = provider.calls.get(0);
        assertNull(call.authorization());
        assertEquals(List.of("client-1"), FakeProvider.form(call).get("client_id"));
        assertEquals(Instant.parse("2026-01-01T02:00:00Z"), t.expiresAt(), "no expires_in: the 7200 s default");
        assertNull(t.refreshToken());
        assertEquals(java.util.Set.of(), t.scopes(), "no scope in the answer: nothing counts as granted");
    }

    @Test
    void tokenTypesOtherThanBearerAreRefusedAtLogin() throws Exception {
        provider = new FakeProvider();
        for (String type : List.of("N_A", "mac", "DPoP", "", "bearer2")) {
            provider.on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"" + type + "\",\"expires_in\":7200,"
                    + "\"access_token\":\"AT-1\",\"scope\":\"tweet.read\"}"));
            ProviderException e = assertThrows(ProviderException.class, () -> exchange(Map.of()), type);
            assertEquals(Failure.MALFORMED_RESPONSE, e.failure(), type);
            assertNoSecret(e.getMessage());
        }
        provider.on(TOKEN, c -> Reply.json(200, OK.replace("bearer", "Bearer")));
        assertEquals("AT-1", exchange(Map.of()).accessToken(), "bearer in any case (RFC 6750 / RFC 6749 §5.1)");
    }

    /** Resolved difference (issue 16): any 2xx is acceptance; before, a 201 token answer failed the login. */
    @Test
    void aTokenAnswerWithAnother2xxStatusIsStillATokenAndErrorsReadAsRefused() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(201, OK));
        assertEquals("AT-1", exchange(Map.of()).accessToken());
        provider.on(TOKEN, c -> Reply.json(400, "{\"error\":\"invalid_grant\"}"));
        ProviderException e = assertThrows(ProviderException.class, () -> exchange(Map.of()));
        assertEquals("token request (authorization code) to " + provider.uri(TOKEN) + " was refused: HTTP 400 "
                + "invalid_grant", e.getMessage(), "one wording with the app-only client");
    }

    /** Resolved difference (issue 16): expires_in counts from when the request was sent, not from the answer. */
    @Test
    void theLifetimeCountsFromTheMomentTheRequestWasSent() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> {
            clock.advance(java.time.Duration.ofSeconds(30)); // the provider took 30 s to answer
            return Reply.json(200, OK);
        });
        assertEquals(Instant.parse("2026-01-01T02:00:00Z"), exchange(Map.of()).expiresAt());
    }

    @Test
    void grantedScopesThatAreNoScopeTokensAreDropped() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                + "\"access_token\":\"AT-1\",\"scope\":\"tweet.read ad\\u202Emin x\\\"y\"}"));
        assertEquals(java.util.Set.of("tweet.read"), exchange(Map.of()).scopes(),
                "RFC 6749 §3.3: a scope-token is printable ASCII without space, quote or backslash");
    }

    @Test
    void aTokenAnswerOverTheSizeCapIsRefusedAndTheCapIsConfigurable() throws Exception {
        String padded = OK.replace("}", ",\"pad\":\"" + "x".repeat(100 * 1024) + "\"}");
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(200, padded));
        ProviderException e = assertThrows(ProviderException.class, () -> exchange(Map.of()));
        assertEquals(Failure.MALFORMED_RESPONSE, e.failure());
        assertTrue(e.getMessage().contains("larger than 65536 bytes"), e.getMessage());
        assertEquals(502, LoginFailure.from(e).kind().status());
        assertEquals("AT-1", exchange(Map.of("passerine.http.max-response-bytes", "200000")).accessToken());
    }

    @Test
    void anEmptyOrBlankAccessTokenIsRefused() throws Exception {
        provider = new FakeProvider();
        for (String value : List.of("", " ", "\\t")) {
            provider.on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                    + "\"access_token\":\"" + value + "\"}"));
            ProviderException e = assertThrows(ProviderException.class, () -> exchange(Map.of()), "'" + value + "'");
            assertEquals(Failure.MALFORMED_RESPONSE, e.failure());
        }
    }

    @Test
    void aMissingExpiresInUsesTheConfiguredDefaultNotNever() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(200,
                "{\"token_type\":\"bearer\",\"access_token\":\"AT-1\",\"scope\":\"tweet.read\"}"));
        assertEquals(Instant.parse("2026-01-01T02:00:00Z"), exchange(Map.of()).expiresAt());
        assertEquals(Instant.parse("2026-01-01T00:10:00Z"),
                exchange(Map.of("passerine.login.default-expires-in", "10m")).expiresAt());
    }

    @Test
    void invalidGrantIsRejected() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(400,
                "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the authorization code was invalid.\"}"));
        ProviderException e = assertThrows(ProviderException.class, () -> exchange(Map.of()));
        assertEquals(Failure.REJECTED, e.failure());
        assertEquals(400, e.httpStatus());
        assertEquals(LoginFailure.Kind.PROVIDER, LoginFailure.from(e).kind());
        assertNoSecret(e.getMessage());
    }

    @Test
    void serverErrorHtmlAndMissingAccessTokenAreProviderFailures() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(503, "{}"));
        assertEquals(Failure.REJECTED, assertThrows(ProviderException.class, () -> exchange(Map.of())).failure());
        provider.on(TOKEN, c -> new Reply(200, "text/html", "<html>oops</html>"));
        ProviderException html = assertThrows(ProviderException.class, () -> exchange(Map.of()));
        assertEquals(Failure.MALFORMED_RESPONSE, html.failure());
        assertEquals(502, LoginFailure.from(html).kind().status());
        provider.on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200}"));
        assertEquals(Failure.MALFORMED_RESPONSE,
                assertThrows(ProviderException.class, () -> exchange(Map.of())).failure());
        provider.on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"mac\",\"access_token\":\"x\"}"));
        assertEquals(Failure.MALFORMED_RESPONSE,
                assertThrows(ProviderException.class, () -> exchange(Map.of())).failure());
    }

    @Test
    void slowTokenEndpointTimesOutWithinTheReadTimeout() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> {
            Thread.sleep(3000);
            return Reply.json(200, OK);
        });
        long start = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class,
                () -> exchange(Map.of("passerine.login.read-timeout", "300ms")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean interrupted = Thread.interrupted(); // read and clear: a later test must not inherit it
        assertEquals(Failure.TIMEOUT, e.failure());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertFalse(interrupted, "a read timeout is no interrupt: the request thread must not be left interrupted");
        assertEquals(504, LoginFailure.from(e).kind().status());
        assertTrue(millis < 2500, "bounded by the read timeout: " + millis + " ms");
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        provider = new FakeProvider();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ProviderException e = assertThrows(ProviderException.class, () -> exchange(Map.of(
                "passerine.login.token-uri", "http://127.0.0.1:" + closedPort + "/token")));
        assertEquals(Failure.UNREACHABLE, e.failure());
        assertEquals(502, LoginFailure.from(e).kind().status());
    }

    static void assertNoSecret(String text) {
        for (String s : List.of("s3cr3t-value", "the-code", "AT-1", "RT-1")) {
            assertFalse(text.contains(s), "leaks " + s + ": " + text);
        }
    }
}
