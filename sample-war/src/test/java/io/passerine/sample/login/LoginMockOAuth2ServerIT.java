package io.passerine.sample.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PKCE login on Open Liberty against an independent authorization server: no.nav.security mock-oauth2-server,
 * embedded in the failsafe JVM (started in the {@code @Deployment} method, its URLs written into the test WAR's
 * microprofile-config.properties), interactive login form, principal from {@code /sub}; it sends no RFC 9207
 * {@code iss}, so no issuer is configured.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginMockOAuth2ServerIT {

    static final String APP = "http://localhost:9080/login-mock-it";
    static MockOAuth2Server server;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        Map<String, String> config = new HashMap<>();
        config.put("passerine.login.client-id", "mock-client");
        config.put("passerine.login.client-secret", "mock-secret");
        config.put("passerine.login.authorize-uri", server.authorizationEndpointUrl("default").toString());
        config.put("passerine.login.token-uri", server.tokenEndpointUrl("default").toString());
        config.put("passerine.login.revoke-uri", server.revocationEndpointUrl("default").toString());
        config.put("passerine.login.userinfo-uri", server.userInfoUrl("default").toString());
        // no passerine.login.issuer: mock-oauth2-server sends no RFC 9207 iss in its authorization responses
        config.put("passerine.login.principal-claim", "/sub");
        config.put("passerine.login.scopes", "openid tweet.read offline.access");
        config.put("passerine.login.redirect-uri", APP + "/oauth2/callback");
        return LoginDeployments.war("login-mock-it", config);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void interactiveLoginThroughAnIndependentServer() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> start = b.get(APP + "/me?from=mock");
        assertEquals(302, start.statusCode(), start.body());
        String authorize = Browser.location(start);
        assertTrue(authorize.startsWith(server.authorizationEndpointUrl("default").toString()), authorize);
        HttpResponse<String> form = b.get(authorize);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("username"), form.body());
        HttpResponse<String> submitted = b.post(authorize, Map.of("username", "mock-alice", "claims", ""));
        assertEquals(302, submitted.statusCode(), submitted.body());
        String callback = Browser.location(submitted);
        assertTrue(callback.startsWith(APP + "/oauth2/callback?"), callback);

        HttpResponse<String> back = b.get(callback);
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(APP + "/me?from=mock", Browser.location(back));
        HttpResponse<String> me = b.get(APP + "/me?from=mock");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("principal=mock-alice"), me.body());
        // mock-oauth2-server's token response has no "scope": groups come only from scopes the provider names, so
        // the user gets none (before issue 13 the requested scopes were taken as granted and became roles)
        assertTrue(me.body().contains("tweet.read=false"), me.body());

        assertEquals(400, b.get(callback).statusCode(), "replay rejected");
        HttpResponse<String> logout = b.post(APP + "/oauth2/logout", Map.of());
        assertEquals(302, logout.statusCode());
        assertEquals(302, b.get(APP + "/me").statusCode(), "logged out");
    }
}
