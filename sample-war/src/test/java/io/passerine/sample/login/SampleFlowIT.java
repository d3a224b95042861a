package io.passerine.sample.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.SampleDeployments;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample application as built, on Open Liberty with the x-emulator: every feature it shows, driven over HTTP, with
 * the emulator's call counts as the oracle.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleFlowIT {

    static final String SAMPLE = "http://localhost:9080/sample";
    static final String IDS = "1261326399320715264,1278347468690915330";

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    @BeforeEach
    void freshEmulator() throws Exception {
        Emulator.reset();
    }

    @Test
    void publicTweetsComeThroughTheEjbWithOneAppOnlyToken() throws Exception {
        Browser b = new Browser();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> res = b.get(SAMPLE + "/api/tweets?ids=" + IDS);
            assertEquals(200, res.statusCode(), res.body());
            assertTrue(res.body().contains("\"id\":\"1278347468690915330\""), res.body());
        }
        assertEquals(1, Emulator.count("/oauth2/token"), "one app-only token for all calls");
        assertEquals(400, b.get(SAMPLE + "/api/tweets?ids=1;DROP").statusCode());
    }

    @Test
    void meShowsTheUserAsHtmlAndJson() throws Exception {
        Browser b = new Browser();
        String back = login(b, "/me", "alice_1");
        assertEquals(SAMPLE + "/me", back);
        HttpResponse<String> html = b.get(back);
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("<span id=\"username\">@alice_1</span>"), html.body());
        assertTrue(html.body().contains("id=\"logout\""), html.body());
        HttpResponse<String> json = b.get(back, "Accept", "application/json");
        Matcher m = Pattern.compile("\\{\"principal\":\"(\\d+)\",\"id\":\"(\\d+)\",\"username\":\"alice_1\","
                + "\"name\":\"[^\"]+\",\"scopes\":\\[\"offline.access\",\"tweet.read\",\"users.read\"]}").matcher(json.body());
        assertTrue(m.matches(), json.body());
        assertEquals(m.group(2), m.group(1), "the principal is X's stable user id, not the renamable username");
        assertEquals(1, Emulator.count(Emulator.TOKEN));
    }

    @Test
    void timelineCallsXWithTheUsersToken() throws Exception {
        Browser b = new Browser();
        login(b, "/timeline", "bob");
        HttpResponse<String> res = b.get(SAMPLE + "/timeline");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("as <strong>@bob</strong>"), res.body());
        assertEquals(2, Pattern.compile("<li>").matcher(res.body().split("id=\"tweets\"")[1]).results().count());
        assertEquals(1, Emulator.count("/2/tweets"));
        assertEquals(0, Emulator.count("/oauth2/token"), "no app-only token involved");
    }

    @Test
    void composeStepsUpToTweetWriteThenPosts() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "carol");
        HttpResponse<String> stepUp = b.get(SAMPLE + "/compose");
        assertEquals(302, stepUp.statusCode());
        HttpResponse<String> start = b.get(Browser.location(stepUp));
        assertEquals(302, start.statusCode(), start.body());
        String authorize = Browser.location(start);
        String scope = LoginFlowIT.query(authorize).get("scope");
        for (String s : new String[] {"tweet.read", "users.read", "offline.access", "tweet.write"}) {
            assertTrue((" " + scope + " ").contains(" " + s + " "), scope);
        }
        HttpResponse<String> done = b.get(b.consent(authorize, "carol", true));
        assertEquals(SAMPLE + "/compose", Browser.location(done));

        HttpResponse<String> form = b.get(SAMPLE + "/compose");
        assertEquals(200, form.statusCode(), form.body());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(csrf.find(), form.body());
        assertEquals(403, b.post(SAMPLE + "/compose", Map.of("csrf", "forged", "text", "hi")).statusCode());
        HttpResponse<String> posted = b.post(SAMPLE + "/compose", Map.of("csrf", csrf.group(1),
                "text", "Hello <from> Passerine"));
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("Hello &lt;from&gt; Passerine"), posted.body());
        assertEquals(2, Emulator.count(Emulator.TOKEN), "first login and the step-up login");
    }

    @Test
    void limitsNeedALoginAndShowOnlyTheAppsAndTheCallersOwn() throws Exception {
        HttpResponse<String> anonymous = new Browser().get(SAMPLE + "/api/limits");
        assertEquals(302, anonymous.statusCode(), anonymous.body());
        assertTrue(Browser.location(anonymous).startsWith(SAMPLE + "/oauth2/login?"), Browser.location(anonymous));
        Browser a = new Browser();
        Browser b = new Browser();
        assertEquals(200, a.get(login(a, "/timeline", "limits_a")).statusCode());
        assertEquals(200, b.get(login(b, "/timeline", "limits_b")).statusCode());
        assertEquals(200, a.get(SAMPLE + "/api/tweets?ids=" + IDS).statusCode());

        String seenByA = a.get(SAMPLE + "/api/limits").body();
        assertTrue(seenByA.contains("\"user:limits_a\":{\"GET /2/tweets\":{\"limit\":"), seenByA);
        assertTrue(seenByA.contains("\"app-only\":{\"GET /2/tweets\":{\"limit\":"), seenByA);
        assertFalse(seenByA.contains("limits_b"), seenByA);
        String seenByB = b.get(SAMPLE + "/api/limits").body();
        assertTrue(seenByB.contains("\"user:limits_b\":{\"GET /2/tweets\":{\"limit\":"), seenByB);
        assertFalse(seenByB.contains("limits_a"), seenByB);
    }

    @Test
    void cancelledLoginShowsTheSamplesErrorPage() throws Exception {
        Browser b = new Browser();
        long mark = LoggedMetrics.mark();
        HttpResponse<String> res = b.get(b.consent(startLogin(b, "/me"), "dave", false));
        assertEquals(403, res.statusCode());
        assertEquals("text/html;charset=UTF-8", res.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        assertTrue(res.body().contains("id=\"login-error\""), res.body());
        assertTrue(res.body().toLowerCase().contains("cancel"), res.body());
        assertEquals(0, Emulator.count(Emulator.TOKEN));
        // a later request that logs a line (a callback with an unknown state): once that line is in the log, the
        // cancelled request's own lines are too
        assertEquals(400, b.get(SAMPLE + "/oauth2/callback?state=log-marker&code=x").statusCode());
        String log = LoggedMetrics.awaitMessage(mark, "HTTP 400)");
        assertTrue(log.contains("X login failed (CANCELLED"), log);
        assertFalse(log.contains("SRVE8094W") || log.contains("SRVE8115W"), "the error page committed early: " + log);
    }

    @Test
    void logoutRevokesAndEndsTheSession() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "erin");
        HttpResponse<String> out = b.post(SAMPLE + "/oauth2/logout", Map.of());
        assertEquals(302, out.statusCode());
        assertTrue(Emulator.count(Emulator.REVOKE) >= 1, "revoked at the provider");
        HttpResponse<String> again = b.get(SAMPLE + "/me");
        assertEquals(302, again.statusCode());
        assertTrue(Browser.location(again).startsWith(LoginDeployments.EMULATOR + "/i/oauth2/authorize?"));
        assertFalse(again.body().contains("erin"));
    }

    private static String startLogin(Browser b, String path) throws Exception {
        HttpResponse<String> res = b.get(SAMPLE + path);
        assertEquals(302, res.statusCode(), res.body());
        String authorize = Browser.location(res);
        assertTrue(authorize.startsWith(LoginDeployments.EMULATOR + "/i/oauth2/authorize?"), authorize);
        return authorize;
    }

    private static String login(Browser b, String path, String user) throws Exception {
        String callback = b.consent(startLogin(b, path), user, true);
        HttpResponse<String> res = b.get(callback);
        assertEquals(302, res.statusCode(), res.body());
        return Browser.location(res);
    }
}
