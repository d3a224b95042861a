package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.LoginSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with an independent authorization server (no.nav.security mock-oauth2-server, embedded): authorize with
 * PKCE, validate the callback (including its RFC 9207 {@code iss}), exchange the code, read userinfo, refresh, revoke.
 * It is lenient, so this test only shows that our requests are accepted and our parsing fits a real server.
 */
class MockOAuth2ServerInteropTest {

    static MockOAuth2Server server;

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    @Test
    void fullAuthorizationCodeFlowWithPkce() throws Exception {
        LoginSettings settings = LoginSettings.from(ConfigReader.of(Map.of(
                "passerine.login.client-id", "interop-client",
                "passerine.login.client-secret", "interop-secret",
                "passerine.login.redirect-uri", "http://127.0.0.1:1/app/oauth2/callback",
                "passerine.login.authorize-uri", server.authorizationEndpointUrl("default").toString(),
                "passerine.login.token-uri", server.tokenEndpointUrl("default").toString(),
                "passerine.login.revoke-uri", server.revocationEndpointUrl("default").toString(),
                "passerine.login.userinfo-uri", server.userInfoUrl("default").toString(),
                "passerine.login.principal-claim", "/sub",
                // no passerine.login.issuer: mock-oauth2-server sends no RFC 9207 iss, and a configured issuer
                // makes iss mandatory
                "passerine.login.scopes", "openid tweet.read offline.access")));
        LoginAssembly rt = LoginAssembly.of(settings, Clock.systemUTC());
        TransactionStore store = new PendingLogins().store(rt.clock());

        URI authorizeUri = rt.flow().begin(store, "/app/me", settings.scopes(), Optional.empty());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> authorize = http.send(HttpRequest.newBuilder(authorizeUri)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, authorize.statusCode(), authorize.body());
        URI callback = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString().startsWith(settings.redirectUri() + "?"), callback.toString());

        CompletedLogin login = rt.flow().complete(URLUtils.parseParameters(callback.getRawQuery()), store);
        GrantedTokens tokens = login.tokens();
        assertNotNull(tokens.accessToken());
        assertTrue(tokens.hasRefreshToken());
        assertFalse(login.user().principal().isBlank());
        assertEquals("/app/me", login.returnPath());

        GrantedTokens refreshed = rt.refresher().refresh(tokens);
        assertNotNull(refreshed.accessToken());
        rt.flow().loggedOut(login.user().principal(), new GrantedTokens(refreshed.accessToken(), null,
                refreshed.refreshToken(), refreshed.scopes())); // mock-oauth2-server revokes refresh tokens only
    }
}
