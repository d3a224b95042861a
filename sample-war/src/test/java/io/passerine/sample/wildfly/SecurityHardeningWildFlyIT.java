package io.passerine.sample.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.login.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 on WildFly (cases 1, 5 and 6 of its review), the sample as built, with the emulator's call counts as the
 * oracle: account switch in one browser, no session for anonymous requests, logout CSRF and the session cookie.
 */
class SecurityHardeningWildFlyIT {

    static final String SAMPLE = LoginWildFlyIT.SAMPLE;
    static final String REVOKE = "/2/oauth2/revoke";

    private final EmulatorControl emulator = new EmulatorControl();

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    private static void login(Browser b, String start, String user) throws Exception {
        String authorize = Browser.location(b.get(start));
        HttpResponse<String> back = b.get(b.consent(authorize, user, true));
        assertEquals(302, back.statusCode(), back.body());
    }

    @Test
    void accountSwitchStartsACleanSessionAndRevokesTheFormerUsersTokens() throws Exception {
        Browser b = new Browser();
        login(b, SAMPLE + "/me", "wf_alice");
        String alicesSession = b.sessionId();
        login(b, SAMPLE + "/oauth2/login", "wf_bob");

        HttpResponse<String> me = b.get(SAMPLE + "/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("@wf_bob"), me.body());
        assertFalse(me.body().contains("wf_alice"), me.body());
        assertNotEquals(alicesSession, b.sessionId(), "a new session for the new user");
        assertEquals(2, emulator.calls(REVOKE), "alice's refresh and access tokens revoked");
    }

    @Test
    void anonymousRequestsCreateNoSession() throws Exception {
        Browser b = new Browser();
        for (int i = 0; i < 500; i++) {
            b.forgetCookies();
            HttpResponse<String> res = b.get(SAMPLE + (i % 4 == 0 ? "/oauth2/login" : "/me"));
            assertEquals(302, res.statusCode(), res.body());
            List<String> cookies = res.headers().allValues("Set-Cookie");
            assertFalse(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), cookies.toString());
        }
        assertEquals(0, emulator.calls("/2/oauth2/token"));
    }

    @Test
    void crossSiteLogoutIsRefusedAndTheSessionCookieIsLax() throws Exception {
        Browser b = new Browser();
        String authorize = Browser.location(b.get(SAMPLE + "/me"));
        HttpResponse<String> back = b.get(b.consent(authorize, "wf_carol", true));
        String session = back.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError(back.headers().map().toString()));
        assertTrue(session.toLowerCase().contains("samesite=lax"), session);
        assertTrue(session.toLowerCase().contains("httponly"), session);

        assertEquals(403, b.postFrom("https://evil.example", SAMPLE + "/oauth2/logout", Map.of()).statusCode());
        assertEquals(403, b.postFrom(null, SAMPLE + "/oauth2/logout", Map.of()).statusCode());
        assertEquals(200, b.get(SAMPLE + "/me").statusCode(), "still logged in");
        assertEquals(0, emulator.calls(REVOKE));

        assertEquals(302, b.post(SAMPLE + "/oauth2/logout", Map.of()).statusCode(), "same origin");
        assertEquals(2, emulator.calls(REVOKE));
        assertEquals(302, b.get(SAMPLE + "/me").statusCode(), "logged out");
    }
}
