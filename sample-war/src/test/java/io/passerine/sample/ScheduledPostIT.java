package io.passerine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, the sample's "Schedule a post" on Open Liberty: a user schedules a post (step-up to {@code tweet.write}),
 * the session ends, and the sample's EJB timer posts it through the stored grant — the emulator shows the post under
 * that user. Then "Disconnect X" revokes the grant at X and deletes it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScheduledPostIT {

    static final String APP = "http://localhost:9080/sample";
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final EmulatorControl X = new EmulatorControl();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployments.builtSample().addClass(SampleProbe.class);
    }

    @Test
    void aTimerPostsForAUserWhoseSessionIsGone() throws Exception {
        X.reset();
        SampleLogin browser = new SampleLogin("scheduler_sam");
        HttpResponse<String> page = browser.get(APP + "/schedule"); // login, then step-up to tweet.write
        assertEquals(200, page.statusCode(), page.body());
        String userId = browser.get(APP + "/test/whoami").body();
        String text = "scheduled " + System.nanoTime();
        HttpResponse<String> scheduled = browser.post(APP + "/schedule", "csrf=" + csrf(page.body()) + "&delay=2&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertEquals(303, scheduled.statusCode(), scheduled.body());
        int revoked = X.calls("/2/oauth2/revoke"); // the step-up replaced the first login's grant: revoked
        assertEquals("ended=true", browser.post(APP + "/test/end-session", "").body());
        assertEquals(revoked, X.calls("/2/oauth2/revoke"), "the session ended; the stored grant stays valid at X");

        String tweetId = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tweetId == null && System.nanoTime() < deadline) { // waits for the timer (2 s), not for an expiry
            String rows = new SampleLogin("nobody").get(APP + "/test/scheduled?user=" + userId).body();
            if (rows.startsWith("POSTED ")) {
                tweetId = rows.lines().findFirst().orElseThrow().substring("POSTED ".length());
            } else {
                assertTrue(rows.startsWith("PENDING") || rows.startsWith("POSTING"), rows);
                Thread.sleep(250);
            }
        }
        assertTrue(tweetId != null, "posted within 30 s");

        String tweet = tweet(tweetId);
        assertEquals(text, member(tweet, "text"), tweet);
        assertEquals(userId, member(tweet, "author_id"), "posted as the user: " + tweet);

        SampleLogin again = new SampleLogin("scheduler_sam"); // "Disconnect X" from a new session
        HttpResponse<String> schedule = again.get(APP + "/schedule");
        int revokesBefore = X.calls("/2/oauth2/revoke");
        HttpResponse<String> disconnected = again.post(APP + "/schedule", "csrf=" + csrf(schedule.body())
                + "&action=disconnect");
        assertEquals(200, disconnected.statusCode(), disconnected.body());
        assertTrue(disconnected.body().contains("id=\"disconnected\""));
        assertTrue(X.calls("/2/oauth2/revoke") >= revokesBefore + 2, "revoked at X");
        assertEquals("none", new SampleLogin("nobody").get(APP + "/test/grant?user=" + userId).body());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), page);
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    /** The tweet as X shows it to anyone (app-only token), as JSON. */
    private static String tweet(String id) throws Exception {
        String token = member(X.postForm("/oauth2/token", "sample-api-key", "sample-api-secret",
                "grant_type=client_credentials").body(), "access_token");
        HttpResponse<String> r = TestHttp.client().send(TestHttp.request(URI.create(EmulatorControl.url(
                "/2/tweets/" + id + "?tweet.fields=author_id"))).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
