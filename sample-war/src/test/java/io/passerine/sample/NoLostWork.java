package io.passerine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.login.Browser;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 20 on a running sample (Liberty: {@code NoLostWorkIT}, WildFly: {@code NoLostWorkWildFlyIT}): text posted to
 * {@code /compose} while logged out goes through the login and the {@code tweet.write} step-up and is shown again,
 * escaped, once; nothing reaches X's {@code POST /2/tweets} until the user posts it again. The oracle is the
 * emulator's call count.
 */
public final class NoLostWork {

    /** Markup, quotes, an ampersand and non-ASCII: all must come back, escaped. */
    public static final String TEXT = "Draft <b>&\"kept\"</b> \u201Cacross\u201D the login";
    static final String TEXT_ESCAPED = "Draft &lt;b&gt;&amp;&quot;kept&quot;&lt;/b&gt; \u201Cacross\u201D the login";
    static final String TWEETS = "/2/tweets";
    static final String TOKEN = "/2/oauth2/token";
    private static final Pattern TEXTAREA = Pattern.compile("<textarea[^>]*>([^<]*)</textarea>");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String sample;
    private final EmulatorControl emulator;

    /** @param sample the sample's URL, e.g. {@code http://localhost:9080/sample} */
    public NoLostWork(String sample, EmulatorControl emulator) {
        this.sample = sample;
        this.emulator = emulator;
    }

    /** An anonymous POST: login, step-up, the text shown again; a reload shows it no more; posting it works. */
    public void anonymousPostComesBackAfterLoginAndStepUpNeverPosted() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> posted = b.post(sample + "/compose", Map.of("csrf", "stale", "text", TEXT));
        int cookie = transactionCookieBytes(posted);
        System.out.println("issue 20: Set-Cookie of the login transaction with the compose text: " + cookie + " bytes");
        assertTrue(cookie > 400 && cookie < 4096, "sealed transaction with the form: " + cookie);
        HttpResponse<String> page = loginAndStepUp(b, posted, "nolost_ann");
        assertEquals(TEXT_ESCAPED, textarea(page), page.body());
        assertTrue(page.body().contains("id=\"kept\""), page.body());
        assertFalse(page.body().contains("stale"), "a fresh CSRF token, not the kept one");
        assertEquals(0, emulator.calls(TWEETS), "X received no post");
        assertEquals(2, emulator.calls(TOKEN), "the login and the step-up");

        HttpResponse<String> again = b.get(sample + "/compose");
        assertEquals(200, again.statusCode());
        assertEquals("", textarea(again), "gone after the first GET");
        assertFalse(again.body().contains("id=\"kept\""), again.body());

        Matcher csrf = CSRF.matcher(page.body());
        assertTrue(csrf.find(), page.body());
        HttpResponse<String> sent = b.post(sample + "/compose", Map.of("csrf", csrf.group(1), "text", TEXT));
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains(TEXT_ESCAPED), sent.body());
        assertEquals(1, emulator.calls(TWEETS), "posted once, by the user");
    }

    /** The saved text is shown to the first GET of /compose after the logins only, not to another page before it. */
    public void savedTextIsGoneAfterTheFirstGet() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> page = loginAndStepUp(b, b.post(sample + "/compose", Map.of("text", TEXT)), "nolost_bo");
        assertEquals(TEXT_ESCAPED, textarea(page));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> reload = b.get(sample + "/compose");
            assertEquals(200, reload.statusCode());
            assertEquals("", textarea(reload), "reload " + i);
            assertFalse(reload.body().contains("Draft"), reload.body());
        }
        assertEquals(0, emulator.calls(TWEETS));
    }

    /** A form from another site starts the login like any request, but nothing of it is kept. */
    public void crossSitePostKeepsNothing() throws Exception {
        Map<String, String> form = Map.of("text", TEXT + " " + "x".repeat(1000));
        HttpResponse<String> sameSite = new Browser().post(sample + "/compose", form);
        assertTrue(transactionCookieBytes(sameSite) > 1500, "control: the same form from the app's own page is kept");
        Browser b = new Browser();
        HttpResponse<String> posted = b.postFrom("https://evil.example", sample + "/compose", form);
        assertTrue(transactionCookieBytes(posted) < 400, "no form in the transaction");
        HttpResponse<String> page = loginAndStepUp(b, posted, "nolost_cy");
        assertEquals("", textarea(page), page.body());
        assertFalse(page.body().contains("id=\"kept\"") || page.body().contains("Draft"), page.body());
        assertEquals(0, emulator.calls(TWEETS));
    }

    /** A body over the 2 KiB cap keeps nothing, and the login still works. */
    public void oversizedBodyKeepsNothingAndStillLogsIn() throws Exception {
        HttpResponse<String> atTheCap = new Browser().post(sample + "/compose", Map.of("text", "x".repeat(2043)));
        int full = transactionCookieBytes(atTheCap);
        System.out.println("issue 20: Set-Cookie of the login transaction with a 2,048-byte form: " + full + " bytes");
        assertTrue(full > 2500 && full < 4096, "control: 2,048 bytes of form are kept, under 4 KiB: " + full);
        Browser b = new Browser();
        HttpResponse<String> posted = b.post(sample + "/compose", Map.of("text", "x".repeat(3000)));
        assertTrue(transactionCookieBytes(posted) < 400, "no form in the transaction");
        HttpResponse<String> page = loginAndStepUp(b, posted, "nolost_di");
        assertEquals("", textarea(page), page.body());
        assertFalse(page.body().contains("id=\"kept\""), page.body());
        assertEquals(0, emulator.calls(TWEETS));
        assertEquals(2, emulator.calls(TOKEN), "logged in and stepped up");
    }

    /**
     * From the mechanism's 302 to X: consent, callback (back to /compose with a GET), the step-up StepUp.require
     * starts there, consent again, callback; returns the compose page that follows.
     */
    private HttpResponse<String> loginAndStepUp(Browser b, HttpResponse<String> toX, String user) throws Exception {
        assertEquals(302, toX.statusCode(), toX.body());
        String authorize = Browser.location(toX);
        assertTrue(authorize.startsWith(EmulatorControl.url("/i/oauth2/authorize?")), authorize);
        HttpResponse<String> back = b.get(b.consent(authorize, user, true));
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(sample + "/compose", Browser.location(back));
        HttpResponse<String> needsWrite = b.get(Browser.location(back));
        assertEquals(302, needsWrite.statusCode(), "step-up: " + needsWrite.body());
        assertTrue(Browser.location(needsWrite).startsWith(sample + "/oauth2/login?"), Browser.location(needsWrite));
        HttpResponse<String> stepUp = b.get(Browser.location(needsWrite));
        assertEquals(302, stepUp.statusCode(), stepUp.body());
        String again = Browser.location(stepUp);
        assertTrue(URLDecoder.decode(again, StandardCharsets.UTF_8).contains("tweet.write"), again);
        HttpResponse<String> done = b.get(b.consent(again, user, true));
        assertEquals(302, done.statusCode(), done.body());
        assertEquals(sample + "/compose", Browser.location(done));
        HttpResponse<String> page = b.get(Browser.location(done));
        assertEquals(200, page.statusCode(), page.body());
        return page;
    }

    /** The length of the {@code Set-Cookie} header of the login transaction ({@code passerine_tx_…}). */
    private static int transactionCookieBytes(HttpResponse<String> res) {
        return res.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("passerine_tx_"))
                .filter(h -> !h.contains("Max-Age=0")).mapToInt(String::length).max()
                .orElseThrow(() -> new AssertionError("no transaction cookie: " + res.headers()));
    }

    private static String textarea(HttpResponse<String> page) {
        Matcher m = TEXTAREA.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }
}
