package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.login.SavedForm;
import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.testing.MutableClock;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 through the mechanism: a same-origin form POST that has to log in (or step up) first comes back to the
 * first GET after the login, as data, once; cross-site, oversized and non-form bodies keep nothing and still log in;
 * nothing is ever posted again, and the provider sees only the login's own calls.
 */
class NoLostWorkMechanismTest {

    static final String TOKEN = "/2/oauth2/token";
    static final String ME = "/2/users/me";
    static final String COMPOSE = "/ctx/compose";
    static final String APP = "https://app.example";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String TEXT = "csrf=old-token&text=Hello+%3Cb%3E+%E2%80%9Cworld%E2%80%9D";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private FakeProvider provider;
    private LoginAssembly runtime;
    private MechanismHarness browser;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider()
                .on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":"
                        + "\"AT-1\",\"refresh_token\":\"RT-1\",\"scope\":\"tweet.read users.read offline.access\"}"))
                .on(ME, c -> Reply.json(200, "{\"data\":{\"id\":\"42\",\"name\":\"Ann\",\"username\":\"ann\"}}"));
        runtime = LoginAssembly.of(provider.settings(Map.of()), clock);
        browser = new MechanismHarness(runtime);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private MechanismHarness.Exchange post(String origin, String contentType, String body) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        headers.put("Content-Type", contentType);
        return browser.send("POST", COMPOSE, null, true, headers, body);
    }

    /** Follows a 302 to the provider through the callback; returns where the callback sends the browser. */
    private String finishLogin(MechanismHarness.Exchange toProvider) {
        assertEquals(302, toProvider.status);
        assertTrue(toProvider.location.startsWith(provider.uri("").toString()) || toProvider.location
                .contains("/authorize"), toProvider.location);
        String state = URLUtils.parseParameters(URI.create(toProvider.location).getRawQuery()).get("state").get(0);
        MechanismHarness.Exchange cb = browser.get("/ctx/oauth2/callback", "code=c&state=" + state, false);
        assertEquals(302, cb.status, cb.body.toString());
        return cb.location;
    }

    private MechanismHarness.Exchange getCompose() {
        return browser.get(COMPOSE, null, true);
    }

    private static void assertRestored(MechanismHarness.Exchange ex) {
        assertEquals("42", ex.principal, "logged in");
        HttpServletRequest app = ex.wrapped;
        assertTrue(app != null, "the application gets a wrapped request");
        assertEquals("GET", app.getMethod(), "never a POST");
        assertEquals("Hello <b> \u201Cworld\u201D", app.getParameter("text"));
        assertArrayEquals(new String[] {"from-the-url"}, app.getParameterValues("q"), "the URL's own parameters stay");
        assertEquals(List.of("q", "csrf", "text"), java.util.Collections.list(app.getParameterNames()));
        SavedForm saved = SavedForm.of(ex.request).orElseThrow();
        assertEquals("Hello <b> \u201Cworld\u201D", saved.first("text").orElseThrow());
        assertFalse(saved.toString().contains("Hello"), saved.toString());
    }

    private static void assertNothingRestored(MechanismHarness.Exchange ex) {
        assertEquals("42", ex.principal, "logged in");
        assertNull(ex.wrapped);
        assertTrue(SavedForm.of(ex.request).isEmpty());
    }

    @Test
    void aSameOriginFormPostThatHasToLogInComesBackToTheFirstGetOnly() {
        MechanismHarness.Exchange posted = post(APP, FORM, TEXT);
        assertTrue(posted.bodyOpened);
        assertEquals(COMPOSE, finishLogin(posted), "back with a GET (302 after the callback's GET)");
        browser.appReadsParameters = true;
        assertRestored(getCompose());
        assertNothingRestored(getCompose());
        assertEquals(1, provider.count(TOKEN));
        assertEquals(1, provider.count(ME));
        assertEquals(2, provider.calls.size(), "the login's own calls, nothing posted anywhere");
    }

    @Test
    void crossSiteOversizedOrNonFormPostsKeepNothingAndStillLogIn() {
        finishLogin(post(APP, FORM, "text=" + "a".repeat(2043)));
        assertEquals("a".repeat(2043), SavedForm.of(getCompose().request).orElseThrow().first("text").orElseThrow(),
                "control: 2,048 bytes from the app's own page are kept");
        String[][] cases = {{"https://evil.example", FORM, TEXT}, {null, FORM, TEXT},
                {APP, FORM, "text=" + "a".repeat(2044)}, {APP, "multipart/form-data; boundary=x", TEXT},
                {APP, "application/json", "{\"text\":\"hi\"}"}};
        for (String[] c : cases) {
            browser.cookies.clear();
            browser.session.clear();
            browser.hasSession = false;
            MechanismHarness.Exchange posted = post(c[0], c[1], c[2]);
            assertFalse(posted.bodyOpened, "never read: " + c[0] + " " + c[1] + " " + c[2].length());
            assertEquals(COMPOSE, finishLogin(posted));
            assertNothingRestored(getCompose());
        }
        assertEquals(cases.length + 1, provider.count(TOKEN), "every one logged in");
    }

    @Test
    void aLoggedInPostNeedsNoLoginAndTheMechanismLeavesItsBodyAlone() {
        finishLogin(getCompose());
        MechanismHarness.Exchange posted = post(APP, FORM, TEXT);
        assertEquals("42", posted.principal);
        assertFalse(posted.bodyOpened, "the application reads its own body");
        assertNull(posted.wrapped);
    }

    /** The sample's compose: POST while logged out → login → the first GET steps up → the form comes back again. */
    @Test
    void theFormSurvivesTheLoginAndTheStepUpThatFollows() {
        finishLogin(post(APP, FORM, TEXT));
        MechanismHarness.Exchange first = getCompose();
        assertTrue(SavedForm.of(first.request).isPresent());
        runtime.forms().beforeLoginRedirect(first.request); // StepUp.require: tweet.write missing
        MechanismHarness.Exchange stepUp = browser.get("/ctx/oauth2/login", "scope=tweet.write&return=%2Fctx%2Fcompose",
                false);
        assertTrue(stepUp.location.contains("tweet.write"), stepUp.location);
        assertEquals(COMPOSE, finishLogin(stepUp));
        browser.appReadsParameters = true;
        assertRestored(getCompose());
        assertNothingRestored(getCompose());
        assertEquals(2, provider.count(TOKEN), "login and step-up, nothing else");
    }

    @Test
    void aLoggedInSameOriginPostThatStepsUpKeepsItsFormACrossSiteOneDoesNot() {
        finishLogin(getCompose());
        for (String origin : new String[] {APP, "https://evil.example"}) {
            MechanismHarness.Exchange ex = new MechanismHarness.Exchange();
            runtime.forms().beforeLoginRedirect(browser.request(ex, "POST", COMPOSE, null,
                    Map.of("Origin", origin, "Content-Type", FORM), TEXT));
            assertEquals(origin.equals(APP), ex.bodyOpened, origin);
            finishLogin(browser.get("/ctx/oauth2/login", "scope=tweet.write&return=%2Fctx%2Fcompose", false));
            browser.appReadsParameters = true;
            MechanismHarness.Exchange back = getCompose();
            if (origin.equals(APP)) {
                assertRestored(back);
            } else {
                assertNothingRestored(back);
            }
        }
    }

    @Test
    void theKeptFormWaitsOnlyForItsOwnPageAndAtMostTwoMinutes() {
        finishLogin(post(APP, FORM, TEXT));
        assertNothingRestored(browser.get("/ctx/other", null, true));
        assertNothingRestored(browser.get(COMPOSE, "x=1", true));
        browser.appReadsParameters = true;
        assertRestored(getCompose());

        browser.appReadsParameters = false;
        browser.session.clear(); // the session expired
        browser.hasSession = false;
        finishLogin(post(APP, FORM, TEXT));
        clock.advance(Duration.ofMinutes(2));
        assertNothingRestored(getCompose());
        assertFalse(browser.session.containsKey(SavedForms.FIRST_GET), "an expired form is dropped");
    }

    @Test
    void aHandedOverFormIsOnlyForTheLoginBackToItsPage() {
        finishLogin(getCompose());
        runtime.forms().beforeLoginRedirect(browser.request(new MechanismHarness.Exchange(), "POST", COMPOSE, null,
                Map.of("Origin", APP, "Content-Type", FORM), TEXT));
        finishLogin(browser.get("/ctx/oauth2/login", "scope=tweet.write&return=%2Fctx%2Fother", false));
        assertFalse(browser.session.containsKey(SavedForms.NEXT_LOGIN), "taken by the next login in any case");
        assertNothingRestored(getCompose());
        assertNothingRestored(browser.get("/ctx/other", null, true));
    }
}
