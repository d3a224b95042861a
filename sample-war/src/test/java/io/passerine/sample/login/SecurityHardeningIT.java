package io.passerine.sample.login;

import static io.passerine.sample.login.LoginFlowIT.APP;
import static io.passerine.sample.login.LoginFlowIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 on Open Liberty, the attack paths of the second review, with the emulator's call counts as the oracle:
 * account switch and step-up in one session (checklist 25), no server state for anonymous requests (26), logout
 * CSRF and session cookie attributes (30).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHardeningIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LoginDeployments.war("login-it", LoginDeployments.emulatorConfig());
    }

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    @Test
    void accountSwitchStartsACleanSessionAndRevokesTheFormerUsersTokens() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        HttpResponse<String> alices = b.get(APP + "/note?set=alices-secret");
        assertEquals(200, alices.statusCode());
        String alice = alices.body().lines().findFirst().orElseThrow(); // user=<alice's X id>
        String alicesSession = b.sessionId();

        String authorize = Browser.location(b.get(APP + "/oauth2/login"));
        HttpResponse<String> back = b.get(b.consent(authorize, "bob", true));
        assertEquals(302, back.statusCode(), back.body());

        HttpResponse<String> note = b.get(APP + "/note");
        assertEquals(200, note.statusCode(), "no SESN0008E: " + note.body());
        assertTrue(note.body().endsWith("\nnote=null\n"), "nothing of alice's session carries over: " + note.body());
        assertNotEquals(alice, note.body().lines().findFirst().orElseThrow(), "bob is the caller now");
        assertNotEquals(alicesSession, b.sessionId());
        assertEquals(2, Emulator.count(Emulator.REVOKE), "alice's refresh and access tokens revoked");
        assertEquals(2, Emulator.count(Emulator.TOKEN), "one code exchange per login, nothing else");
    }

    @Test
    void stepUpKeepsTheSessionAndRevokesOnlyTheSupersededRefreshToken() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        assertEquals(200, b.get(APP + "/note?set=draft").statusCode());
        String before = b.sessionId();

        String authorize = Browser.location(b.get(Browser.location(b.get(APP + "/write"))));
        assertEquals(302, b.get(b.consent(authorize, "alice", true)).statusCode());

        assertTrue(b.get(APP + "/note").body().endsWith("\nnote=draft\n"), "the same user keeps the session");
        assertNotEquals(before, b.sessionId(), "but under a new id");
        assertEquals(200, b.get(APP + "/write").statusCode());
        assertEquals(1, Emulator.count(Emulator.REVOKE), "the old refresh token only");
    }

    @Test
    void anonymousRequestsCreateNoSession() throws Exception {
        long before = sessionsCreated();
        Browser b = new Browser();
        for (int i = 0; i < 2000; i++) {
            b.forgetCookies(); // every hit a new visitor
            HttpResponse<String> res = b.get(APP + (i % 4 == 0 ? "/oauth2/login?return=/login-it/me" : "/me"));
            assertEquals(302, res.statusCode(), res.body());
            List<String> cookies = res.headers().allValues("Set-Cookie");
            assertFalse(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), cookies.toString());
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith("passerine_tx_")), "transaction in a cookie");
        }
        assertEquals(before, sessionsCreated(), "no HTTP session for 2,000 anonymous hits");
        assertEquals(0, Emulator.count(Emulator.TOKEN));
    }

    @Test
    void crossSiteLogoutIsRefusedAndTheSessionStays() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        String logout = APP + "/oauth2/logout";

        assertEquals(403, b.postFrom("https://evil.example", logout, Map.of()).statusCode());
        assertEquals(403, b.postFrom("null", logout, Map.of()).statusCode());
        assertEquals(403, b.postFrom(null, logout, Map.of()).statusCode(), "neither Origin nor Referer");
        assertEquals(403, b.postFrom(null, logout, Map.of(), "Referer", "http://localhost:9080.evil.example/x")
                .statusCode());
        assertEquals(403, b.postFrom("http://localhost:9081", logout, Map.of()).statusCode(), "another port");
        assertEquals(200, b.get(APP + "/me").statusCode(), "still logged in");
        assertEquals(0, Emulator.count(Emulator.REVOKE), "nothing revoked");

        HttpResponse<String> out = b.postFrom(null, logout, Map.of(), "Referer", APP + "/me");
        assertEquals(302, out.statusCode(), "same-origin Referer without Origin: " + out.body());
        assertEquals(2, Emulator.count(Emulator.REVOKE));
        assertEquals(302, b.get(APP + "/me").statusCode(), "logged out");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        Browser b = new Browser();
        String callback = b.consent(LoginFlowIT.startLogin(b, "/me"), "alice", true);
        HttpResponse<String> res = b.get(callback);
        String session = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError(res.headers().map().toString()));
        String attributes = session.toLowerCase();
        assertTrue(attributes.contains("httponly"), session);
        assertEquals(1, attributes.split("samesite=lax", -1).length - 1, "exactly one SameSite=Lax: " + session);
        assertFalse(attributes.contains("secure"), "http app: not Secure " + session);
    }

    private static long sessionsCreated() throws Exception {
        String body = new Browser().get(APP + "/sessions").body();
        return Long.parseLong(body.trim().substring("created=".length()));
    }
}
