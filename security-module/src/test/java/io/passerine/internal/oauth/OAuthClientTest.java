package io.passerine.internal.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.internal.http.HttpTimeouts;
import io.passerine.internal.metrics.Metrics;
import io.passerine.testing.FakeTokenEndpoint;
import io.passerine.testing.FakeTokenEndpoint.Answer;
import io.passerine.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one client of the token, revocation and X invalidate endpoints: what the provider receives, one answer rule. */
class OAuthClientTest {

    static final String TOKEN = "/token";
    static final String REVOKE = "/revoke";
    static final String OK = "{\"token_type\":\"bearer\",\"expires_in\":3600,\"access_token\":\"AT-1\","
            + "\"refresh_token\":\"RT-1\",\"scope\":\"a b\"}";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("id-1:s3cr3t".getBytes(
            StandardCharsets.UTF_8));

    private final FakeTokenEndpoint provider;
    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");

    OAuthClientTest() throws Exception {
        provider = new FakeTokenEndpoint();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private OAuthClient confidential() {
        ClientID id = new ClientID("id-1");
        return new OAuthClient(id, new ClientSecretBasic(id, new Secret("s3cr3t")), provider.uri(TOKEN),
                provider.uri(REVOKE), HttpTimeouts.DEFAULT, clock, Metrics.NONE, "test");
    }

    private OAuthClient publicClient() {
        return new OAuthClient(new ClientID("id-1"), null, provider.uri(TOKEN), provider.uri(REVOKE),
                HttpTimeouts.DEFAULT, clock, Metrics.NONE, "test");
    }

    private static Map<String, List<String>> form(FakeTokenEndpoint.Received r) {
        return URLUtils.parseParameters(r.body());
    }

    @Test
    void everyGrantGoesOutWithBasicAuthAndItsParameters() {
        provider.answer(TOKEN, Answer.json(200, OK));
        OAuthClient client = confidential();
        AuthorizationGrant code = new AuthorizationCodeGrant(new AuthorizationCode("c-1"),
                URI.create("https://app.example/cb"), new CodeVerifier("v".repeat(43)));
        IssuedToken t = client.token(code, "token request (authorization code)");
        client.token(new RefreshTokenGrant(new RefreshToken("RT-0")), "token request (refresh)");
        client.token(new ClientCredentialsGrant(), "App-only token request");

        assertEquals(3, provider.calls(TOKEN));
        List<FakeTokenEndpoint.Received> got = provider.received();
        for (FakeTokenEndpoint.Received r : got) {
            assertEquals("POST", r.method());
            assertEquals(BASIC, r.header("Authorization"));
            assertNull(form(r).get("client_id"), "Basic: no client_id in the body");
        }
        assertEquals(Map.of("grant_type", List.of("authorization_code"), "code", List.of("c-1"), "redirect_uri",
                List.of("https://app.example/cb"), "code_verifier", List.of("v".repeat(43))), form(got.get(0)));
        assertEquals(Map.of("grant_type", List.of("refresh_token"), "refresh_token", List.of("RT-0")),
                form(got.get(1)));
        assertEquals(Map.of("grant_type", List.of("client_credentials")), form(got.get(2)));
        assertEquals("AT-1", t.accessToken());
        assertEquals("RT-1", t.refreshToken());
        assertEquals(List.of("a", "b"), t.scope());
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), t.expiresAt().orElseThrow());
        assertFalse(t.toString().contains("AT-1") || t.toString().contains("RT-1"), t.toString());
    }

    @Test
    void aPublicClientSendsItsIdAndNoAuthorization() {
        provider.answer(TOKEN, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"AT-2\"}"));
        provider.answer(REVOKE, Answer.json(200, ""));
        IssuedToken t = publicClient().token(new RefreshTokenGrant(new RefreshToken("RT-0")), "refresh");
        publicClient().revoke(new RefreshToken("RT-0"), "revocation");
        for (FakeTokenEndpoint.Received r : provider.received()) {
            assertNull(r.header("Authorization"));
            assertEquals(List.of("id-1"), form(r).get("client_id"));
        }
        assertTrue(t.expiresAt().isEmpty(), "no expires_in: the caller decides");
        assertNull(t.scope(), "no scope in the answer: null, not empty");
    }

    @Test
    void revocationAndXInvalidateCarryTheTokenAndTheClientAuthentication() {
        provider.answer(REVOKE, Answer.json(200, "{}"));
        confidential().revoke(new RefreshToken("RT-9"), "revocation request");
        confidential().revoke(new BearerAccessToken("AT-9"), "revocation request");
        confidential().invalidate("AT-8", "App-only token revocation");
        assertEquals(3, provider.calls(REVOKE));
        List<FakeTokenEndpoint.Received> got = provider.received();
        assertEquals(Map.of("token", List.of("RT-9"), "token_type_hint", List.of("refresh_token")), form(got.get(0)));
        assertEquals(Map.of("token", List.of("AT-9"), "token_type_hint", List.of("access_token")), form(got.get(1)));
        assertEquals(Map.of("access_token", List.of("AT-8")), form(got.get(2)));
        got.forEach(r -> assertEquals(BASIC, r.header("Authorization")));
    }

    /** The one rule: any 2xx is acceptance, for token requests and revocations alike (today's code: mixed). */
    @ParameterizedTest
    @ValueSource(ints = {200, 201, 203})
    void anyTwoHundredWithATokenIsAToken(int status) {
        provider.answer(TOKEN, Answer.json(status, OK));
        assertEquals("AT-1", confidential().token(new ClientCredentialsGrant(), "t").accessToken());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 204})
    void anyTwoHundredIsADoneRevocation(int status) {
        provider.answer(REVOKE, Answer.json(status, ""));
        confidential().revoke(new BearerAccessToken("AT-9"), "r");
        confidential().invalidate("AT-9", "i");
        assertEquals(2, provider.calls(REVOKE));
    }

    @Test
    void everyOtherStatusIsRejectedWithTheProvidersErrorAndNoSecret() {
        provider.answer(TOKEN, Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"gone\"}"));
        provider.answer(REVOKE, Answer.json(503, "{\"errors\":[{\"code\":131,\"message\":\"Internal error\"}]}"));
        ProviderException token = assertThrows(ProviderException.class,
                () -> confidential().token(new RefreshTokenGrant(new RefreshToken("RT-0")), "token request (refresh)"));
        assertEquals(Failure.REJECTED, token.failure());
        assertEquals(400, token.httpStatus());
        assertEquals("invalid_grant", token.providerError().orElseThrow());
        assertEquals("token request (refresh) to " + provider.uri(TOKEN) + " was refused: HTTP 400 invalid_grant: "
                + "gone", token.getMessage());
        for (Runnable call : List.<Runnable>of(() -> confidential().revoke(new BearerAccessToken("AT-9"), "r"),
                () -> confidential().invalidate("AT-9", "i"))) {
            ProviderException e = assertThrows(ProviderException.class, call::run);
            assertEquals(Failure.REJECTED, e.failure());
            assertTrue(e.getMessage().endsWith(" to " + provider.uri(REVOKE) + " was refused: HTTP 503 131: "
                    + "Internal error"), e.getMessage());
        }
        provider.answer(TOKEN, new Answer(302, "text/html", "", 0));
        assertEquals(Failure.REJECTED, assertThrows(ProviderException.class,
                () -> confidential().token(new ClientCredentialsGrant(), "t")).failure(), "redirects are not followed");
        assertFalse(token.getMessage().contains("s3cr3t") || token.getMessage().contains("RT-0"), token.getMessage());
    }

    /** Checklist row 31 for every grant: bearer in any case, a non-blank token; else MALFORMED_RESPONSE. */
    @Test
    void onlyANonBlankBearerTokenIsAccepted() {
        List<AuthorizationGrant> grants = List.of(new ClientCredentialsGrant(),
                new RefreshTokenGrant(new RefreshToken("RT-0")));
        for (AuthorizationGrant grant : grants) {
            for (String body : List.of("{\"token_type\":\"N_A\",\"access_token\":\"T\"}",
                    "{\"token_type\":\"DPoP\",\"access_token\":\"T\"}", "{\"token_type\":\"mac\",\"access_token\":\"T\"}",
                    "{\"token_type\":\"bearer\",\"access_token\":\" \"}", "{\"token_type\":\"bearer\"}",
                    "{\"error\":\"invalid_grant\"}")) {
                provider.answer(TOKEN, Answer.json(200, body));
                ProviderException e = assertThrows(ProviderException.class, () -> confidential().token(grant, "t"),
                        body);
                assertEquals(Failure.MALFORMED_RESPONSE, e.failure(), body);
                assertEquals(200, e.httpStatus());
            }
            provider.answer(TOKEN, new Answer(200, "text/html", "<html>login</html>", 0));
            assertEquals(Failure.MALFORMED_RESPONSE, assertThrows(ProviderException.class,
                    () -> confidential().token(grant, "t")).failure());
            provider.answer(TOKEN, Answer.json(200, "{\"token_type\":\"BEARER\",\"access_token\":\"T\"}"));
            assertEquals("T", confidential().token(grant, "t").accessToken());
        }
    }

    @Test
    void theLifetimeCountsFromTheMomentTheRequestWasSent() {
        provider.answer(TOKEN, Answer.json(200, OK));
        OAuthClient client = new OAuthClient(new ClientID("id-1"), null, provider.uri(TOKEN), provider.uri(REVOKE),
                HttpTimeouts.DEFAULT, new java.time.Clock() {
                    private int reads;

                    @Override
                    public Instant instant() {
                        return clock.instant().plusSeconds(30L * reads++); // a later read: 30 s later
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return clock.getZone();
                    }

                    @Override
                    public java.time.Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                }, Metrics.NONE, "test");
        IssuedToken t = client.token(new RefreshTokenGrant(new RefreshToken("RT-0")), "t");
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), t.sentAt());
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), t.expiresAt().orElseThrow());
        assertEquals(Duration.ofHours(1), Duration.between(t.sentAt(), t.expiresAt().orElseThrow()));
    }
}
