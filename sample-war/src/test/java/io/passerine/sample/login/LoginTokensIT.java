package io.passerine.sample.login;

import static io.passerine.sample.login.LoginFlowIT.APP;
import static io.passerine.sample.login.LoginFlowIT.assertCleanErrorPage;
import static io.passerine.sample.login.LoginFlowIT.assertNotLoggedIn;
import static io.passerine.sample.login.LoginFlowIT.login;
import static io.passerine.sample.login.LoginFlowIT.startLogin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PKCE login on Open Liberty, provider side: token/userinfo endpoint failures (checklist row 11), refresh
 * single-flight and rotation (15), step-up, logout with revocation (16). Oracle: the emulator's call counts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginTokensIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LoginDeployments.war("login-it", LoginDeployments.emulatorConfig());
    }

    @BeforeEach
    void reset() throws Exception {
        Emulator.reset();
    }

    private static void tokenFault(String faultJson, int expectedStatus) throws Exception {
        Emulator.reset();
        Browser b = new Browser();
        String callback = b.consent(startLogin(b, "/me"), "alice", true);
        Emulator.fault(faultJson);
        long start = System.nanoTime();
        HttpResponse<String> res = b.get(callback);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertCleanErrorPage(res, expectedStatus);
        assertTrue(millis < 8000, "bounded by the configured 2 s timeouts: " + millis + " ms");
        assertEquals(1, Emulator.count(Emulator.TOKEN), faultJson);
        assertNotLoggedIn(b);
    }

    @Test
    void tokenEndpointFailuresEndOnACleanErrorPage() throws Exception {
        tokenFault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"status\":400,\"body\":"
                + "\"{\\\"error\\\":\\\"invalid_grant\\\",\\\"error_description\\\":\\\"<b>bad</b>\\\"}\"}", 502);
        tokenFault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"status\":503,\"body\":\"{}\"}", 502);
        tokenFault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"status\":200,\"contentType\":\"text/html\","
                + "\"body\":\"<html>maintenance</html>\"}", 502);
        tokenFault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"status\":200,"
                + "\"body\":\"{\\\"token_type\\\":\\\"bearer\\\",\\\"expires_in\\\":7200}\"}", 502);
        tokenFault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"delayMillis\":4000}", 504);
        tokenFault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"drop\":true}", 502);
    }

    @Test
    void userinfoFailureEndsOnAnErrorPage() throws Exception {
        Browser b = new Browser();
        String callback = b.consent(startLogin(b, "/me"), "alice", true);
        Emulator.fault("{\"path\":\"/2/users/me\",\"count\":1,\"status\":500,\"body\":\"{}\"}");
        assertCleanErrorPage(b.get(callback), 502);
        assertNotLoggedIn(b);
    }

    private static String tokenHash(Browser b) throws Exception {
        HttpResponse<String> res = b.get(APP + "/api/tokens");
        assertEquals(200, res.statusCode(), res.body());
        return res.body().lines().filter(l -> l.startsWith("token=")).findFirst().orElseThrow();
    }

    private static void advanceBothClocks(long seconds) throws Exception {
        Emulator.advanceClock(seconds);
        HttpResponse<String> r = new Browser().post(APP + "/test/clock?advanceSeconds=" + seconds, Map.of());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void expiredTokenIsRefreshedOncePerSessionAndTheRotatedTokenIsStored() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        String first = tokenHash(b);
        assertEquals(first, tokenHash(b));
        assertEquals(1, Emulator.count(Emulator.TOKEN));
        advanceBothClocks(7300);

        // 3, not 50 (the unit test does 50): the emulator runs in the same Liberty, whose default executor has 4 core
        // threads on 2 cores; more waiting requests would starve the refresh call's own request at the emulator.
        int n = 3;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> tokenHash(b)));
        }
        Set<String> seen = new HashSet<>();
        for (Future<String> f : results) {
            seen.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, seen.size(), "every request got the same refreshed token");
        assertNotEquals(first, seen.iterator().next());
        assertEquals(2, Emulator.count(Emulator.TOKEN), "1 code exchange + exactly 1 refresh for " + n + " requests");

        advanceBothClocks(7300); // the emulator rotates refresh tokens: this works only with the stored new one
        String third = tokenHash(b);
        assertNotEquals(seen.iterator().next(), third);
        assertEquals(3, Emulator.count(Emulator.TOKEN));
    }

    @Test
    void rejectedRefreshSendsTheUserToLogInAgain() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        advanceBothClocks(7300);
        Emulator.fault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"status\":400,"
                + "\"body\":\"{\\\"error\\\":\\\"invalid_request\\\"}\"}");
        HttpResponse<String> res = b.get(APP + "/api/tokens");
        assertEquals(302, res.statusCode(), res.body());
        assertTrue(Browser.location(res).startsWith(APP + "/oauth2/login?"), Browser.location(res));
        assertNotLoggedIn(b);
        assertEquals(2, Emulator.count(Emulator.TOKEN));
    }

    @Test
    void stepUpAsksForTheMissingScopeAndReturnsToTheResource() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        HttpResponse<String> write = b.get(APP + "/api/tokens/write");
        assertEquals(302, write.statusCode(), write.body());
        String stepUp = Browser.location(write);
        assertTrue(stepUp.startsWith(APP + "/oauth2/login?scope=tweet.write&return="), stepUp);
        String authorize = Browser.location(b.get(stepUp));
        String scope = LoginFlowIT.query(authorize).get("scope");
        assertTrue(Set.of(scope.split(" ")).containsAll(Set.of("tweet.read", "users.read", "offline.access",
                "tweet.write")), scope);
        HttpResponse<String> back = b.get(b.consent(authorize, "alice", true));
        assertEquals(APP + "/api/tokens/write", Browser.location(back));
        HttpResponse<String> ok = b.get(APP + "/api/tokens/write");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("can write: true"), ok.body());
        assertTrue(b.get(APP + "/me").body().contains("tweet.write=true"));
        assertEquals(200, b.get(APP + "/write").statusCode(), "servlet StepUp.require: granted now");
    }

    @Test
    void servletStepUpHelperRedirectsThroughTheLogin() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        HttpResponse<String> res = b.get(APP + "/write?draft=1");
        assertEquals(302, res.statusCode(), res.body());
        String stepUp = Browser.location(res);
        assertEquals(APP + "/oauth2/login?scope=tweet.write&return=%2Flogin-it%2Fwrite%3Fdraft%3D1", stepUp);
        String back = Browser.location(b.get(b.consent(Browser.location(b.get(stepUp)), "alice", true)));
        assertEquals(APP + "/write?draft=1", back);
        HttpResponse<String> ok = b.get(back);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("servlet can write"), ok.body());
    }

    @Test
    void logoutRevokesAndInvalidatesTheSession() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        HttpResponse<String> res = b.post(APP + "/oauth2/logout", Map.of());
        assertEquals(302, res.statusCode(), res.body());
        assertEquals(APP + "/", Browser.location(res));
        assertEquals(2, Emulator.count(Emulator.REVOKE), "refresh token and access token revoked");
        assertNotLoggedIn(b);
    }

    @Test
    void revokeFailureStillLogsOut() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        Emulator.fault("{\"path\":\"/2/oauth2/revoke\",\"count\":2,\"status\":503,\"body\":\"{}\"}");
        HttpResponse<String> res = b.post(APP + "/oauth2/logout", Map.of());
        assertEquals(302, res.statusCode(), res.body());
        assertNotLoggedIn(b);
        Emulator.fault("{\"path\":\"/2/oauth2/revoke\",\"count\":2,\"delayMillis\":4000}");
        login(b, "/me", "alice");
        long start = System.nanoTime();
        assertEquals(302, b.post(APP + "/oauth2/logout", Map.of()).statusCode());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 9000, "bounded by the read timeout");
        assertNotLoggedIn(b);
    }

    @Test
    void logoutNeedsPost() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "alice");
        assertCleanErrorPage(b.get(APP + "/oauth2/logout"), 400);
        assertEquals(200, b.get(APP + "/me").statusCode(), "still logged in");
    }
}
