package io.passerine.sample.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PKCE login on Open Liberty against the x-emulator: happy path and checklist §Login rows 1, 4–8, 12–14, with
 * the call-count oracle (a rejected callback creates no session and causes zero token calls).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginFlowIT {

    static final String APP = "http://localhost:9080/login-it";
    static final String CALLBACK = APP + "/oauth2/callback";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LoginDeployments.war("login-it", LoginDeployments.emulatorConfig());
    }

    @BeforeEach
    void reset() throws Exception {
        Emulator.reset();
    }

    /** GET a protected page; returns the authorize URL the mechanism redirected to. */
    static String startLogin(Browser b, String path) throws Exception {
        HttpResponse<String> res = b.get(APP + path);
        assertEquals(302, res.statusCode(), res.body());
        String authorize = Browser.location(res);
        assertTrue(authorize.startsWith(LoginDeployments.EMULATOR + "/i/oauth2/authorize?"), authorize);
        return authorize;
    }

    /** A complete login as {@code user}; returns the final redirect target. */
    static String login(Browser b, String path, String user) throws Exception {
        String callback = b.consent(startLogin(b, path), user, true);
        HttpResponse<String> res = b.get(callback);
        assertEquals(302, res.statusCode(), res.body());
        return Browser.location(res);
    }

    static Map<String, String> query(String uri) {
        Map<String, String> q = new HashMap<>();
        for (String p : URI.create(uri).getRawQuery().split("&")) {
            int i = p.indexOf('=');
            q.put(URLDecoder.decode(p.substring(0, i), StandardCharsets.UTF_8),
                    URLDecoder.decode(p.substring(i + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    static void assertNotLoggedIn(Browser b) throws Exception {
        HttpResponse<String> res = b.get(APP + "/me");
        assertEquals(302, res.statusCode(), "expected a new login, got " + res.body());
        assertTrue(Browser.location(res).startsWith(LoginDeployments.EMULATOR + "/i/oauth2/authorize?"));
    }

    static void assertCleanErrorPage(HttpResponse<String> res, int status) {
        assertEquals(status, res.statusCode(), res.body());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(res.body().contains("Exception"), res.body());
        assertFalse(res.body().contains("\tat "), res.body());
        assertFalse(res.body().contains("sample-secret"), res.body());
    }

    @Test
    void authorizeRedirectCarriesPkceAndTheConfiguredRedirectUri() throws Exception {
        Browser b = new Browser();
        Map<String, String> q = query(startLogin(b, "/me"));
        assertEquals("code", q.get("response_type"));
        assertEquals("sample-client", q.get("client_id"));
        assertEquals(CALLBACK, q.get("redirect_uri"));
        assertEquals("tweet.read users.read offline.access", q.get("scope"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals(43, q.get("code_challenge").length());
        assertTrue(q.get("state").length() >= 22, "≥ 128 bits base64url");
        assertNotEquals(q.get("state"), query(startLogin(b, "/me")).get("state"), "fresh state per login");
    }

    @Test
    void happyPathLandsOnTheOriginalPageWithANewSessionAndNoCode() throws Exception {
        Browser b = new Browser();
        String callback = b.consent(startLogin(b, "/me?tab=2&x=y"), "alice", true);
        String before = b.sessionId();
        HttpResponse<String> res = b.get(callback);
        assertEquals(302, res.statusCode(), res.body());
        String target = Browser.location(res);
        assertEquals(APP + "/me?tab=2&x=y", target);
        assertFalse(target.contains("code="));
        assertNotEquals(before, b.sessionId(), "session id changes at login");
        HttpResponse<String> me = b.get(target);
        assertEquals(200, me.statusCode(), me.body());
        String principal = me.body().lines().filter(l -> l.startsWith("principal=")).findFirst().orElseThrow()
                .substring("principal=".length());
        assertTrue(principal.matches("\\d+"), "X's user id by default, not the username: " + principal);
        assertTrue(me.body().contains("tweet.read=true"), me.body());
        assertTrue(me.body().contains("tweet.write=false"), me.body());
        assertEquals(1, Emulator.count(Emulator.TOKEN));
        assertEquals(1, Emulator.count(Emulator.ME));
        HttpResponse<String> tokens = b.get(APP + "/api/tokens");
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertTrue(tokens.body().contains("user=alice"), tokens.body());
        assertTrue(tokens.body().contains("id=" + principal + "\n"), tokens.body());
        assertTrue(tokens.body().contains("scopes=[offline.access, tweet.read, users.read]"), tokens.body());
    }

    @Test
    void callbackInAnotherBrowserIsRejectedWithoutTokenCall() throws Exception {
        Browser a = new Browser();
        String callback = a.consent(startLogin(a, "/me"), "alice", true);
        Browser other = new Browser();
        assertCleanErrorPage(other.get(callback), 400);
        assertEquals(0, Emulator.count(Emulator.TOKEN));
        assertNotLoggedIn(other);
    }

    @Test
    void wrongOrMissingStateIsRejectedWithoutTokenCall() throws Exception {
        Browser b = new Browser();
        String callback = b.consent(startLogin(b, "/me"), "alice", true);
        String code = query(callback).get("code");
        assertCleanErrorPage(b.get(CALLBACK + "?state=wrong&code=" + code), 400);
        assertCleanErrorPage(b.get(CALLBACK + "?code=" + code), 400);
        assertEquals(0, Emulator.count(Emulator.TOKEN));
        assertNotLoggedIn(b);
    }

    @Test
    void replayedCallbackIsRejectedExactlyOneTokenCall() throws Exception {
        Browser b = new Browser();
        String callback = b.consent(startLogin(b, "/me"), "alice", true);
        assertEquals(302, b.get(callback).statusCode());
        assertCleanErrorPage(b.get(callback), 400);
        assertEquals(1, Emulator.count(Emulator.TOKEN));
    }

    @Test
    void cancelPageIsClearAndEscaped() throws Exception {
        Browser b = new Browser();
        String callback = b.consent(startLogin(b, "/me"), "alice", false);
        HttpResponse<String> res = b.get(callback + "&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertCleanErrorPage(res, 403);
        assertTrue(res.body().contains("Login cancelled"), res.body());
        assertTrue(res.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), res.body());
        assertFalse(res.body().contains("<script>"), res.body());
        assertCleanErrorPage(b.get(callback), 400); // transaction cleared
        assertEquals(0, Emulator.count(Emulator.TOKEN));
        assertNotLoggedIn(b);
    }

    @Test
    void duplicateParametersAreRejectedWithoutTokenCall() throws Exception {
        // (RFC 9207 iss: X sends none, so this deployment configures no issuer; CallbackValidatorTest covers iss)
        Browser b = new Browser();
        String second = b.consent(startLogin(b, "/me"), "alice", true);
        assertCleanErrorPage(b.get(second + "&code=another"), 400);
        assertEquals(0, Emulator.count(Emulator.TOKEN));
        assertNotLoggedIn(b);
    }

    @Test
    void forwardedHeadersDoNotChangeTheRedirectUri() throws Exception {
        Browser b = new Browser();
        String callback = b.consent(startLogin(b, "/me"), "alice", true);
        HttpResponse<String> res = b.get(callback, "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
                "Forwarded", "host=evil.example;proto=https");
        assertEquals(302, res.statusCode(), "the emulator accepted the configured redirect_uri: " + res.body());
        assertFalse(Browser.location(res).contains("evil.example"));
        assertEquals(1, Emulator.count(Emulator.TOKEN));
    }

    @Test
    void absoluteReturnTargetsAreNeverUsed() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        String authorize = Browser.location(b.get(APP + "/oauth2/login?return=https%3A%2F%2Fevil.example%2F"));
        String target = Browser.location(b.get(b.consent(authorize, "alice", true)));
        assertEquals(APP + "/", target);
        authorize = Browser.location(b.get(APP + "/oauth2/login?return=%2F%2Fevil.example%2Fx"));
        assertEquals(APP + "/", Browser.location(b.get(b.consent(authorize, "alice", true))));
    }
}
