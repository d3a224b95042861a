package io.passerine.sample.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample's login in a real browser (headless Debian Chromium via Selenium) on Open Liberty, with the x-emulator
 * as X; compose text typed while logged out comes back after the login and the step-up (issue 20). Screenshots of every step go to {@code sample-war/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "skip.browser", matches = "true")
class LoginBrowserIT {

    private static final String CALLBACK = "http://localhost:9080/sample/oauth2/callback";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static HeadlessChromium chromium;

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = new HeadlessChromium("browser");
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The browser infrastructure: the emulator's consent page renders for a valid authorize request. */
    @Test
    void emulatorConsentPageRenders() throws Exception {
        WebDriver d = chromium.driver();
        d.get(EmulatorControl.BASE.resolve("i/oauth2/authorize?response_type=code&client_id=sample-client"
                + "&redirect_uri=" + enc(CALLBACK) + "&scope=" + enc("tweet.read users.read") + "&state=browser"
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256").toString());
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        chromium.screenshot("emulator-consent");
        assertTrue(d.getPageSource().contains("Passerine Sample"), d.getPageSource());
        assertTrue(d.findElement(By.id("authorize")).isDisplayed());
        assertTrue(d.findElement(By.id("cancel")).isDisplayed());
        assertEquals("Authorize Passerine Sample / X", d.getTitle());
    }

    /** /sample/me → the emulator's consent page → type a name → Authorize → the name on /sample/me. */
    @Test
    void loginShowsTheUserOnMe() throws Exception {
        WebDriver d = freshSession();
        String me = login(d, "browser_alice", "login");
        assertEquals(sample("me"), me);
        assertEquals("@browser_alice", d.findElement(By.id("username")).getText());
        assertTrue(d.findElement(By.id("logout")).isDisplayed());
    }

    /** Cancel at the consent page → the sample's login error page says so; no session. */
    @Test
    void cancelAtConsentShowsTheCancellationPage() throws Exception {
        WebDriver d = freshSession();
        d.get(sample("me"));
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(d.getCurrentUrl().startsWith(emulator("i/oauth2/authorize?")), d.getCurrentUrl());
        chromium.screenshot("cancel-consent");
        d.findElement(By.id("cancel")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        chromium.screenshot("cancel-cancelled");
        assertTrue(d.findElement(By.id("login-error")).getText().toLowerCase().contains("cancel"),
                d.findElement(By.id("login-error")).getText());
        assertTrue(d.findElements(By.id("logout")).isEmpty(), "not logged in");
    }

    /** Log in, press the logout button, then /sample/me asks to log in again (the consent page). */
    @Test
    void logoutThenLoginIsAskedAgain() throws Exception {
        WebDriver d = freshSession();
        login(d, "browser_bob", "logout");
        d.findElement(By.id("logout")).click();
        waitFor(d).until(ExpectedConditions.urlToBe(sample("")));
        chromium.screenshot("logout-logged-out");
        assertFalse(d.getPageSource().contains("browser_bob"), d.getPageSource());
        d.get(sample("me"));
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(d.getCurrentUrl().startsWith(emulator("i/oauth2/authorize?")), d.getCurrentUrl());
        assertEquals("", d.findElement(By.id("username")).getAttribute("value"));
        chromium.screenshot("logout-asked-again");
    }

    /**
     * Issue 15: the home page's script fetch()es the protected /sample/me. Not logged in, it gets a 401 with a
     * challenge (X's authorize endpoint never sees the fetch) and shows a "log in" link; the link logs in through X
     * and comes back to the home page, whose fetch() now gets the user.
     */
    @Test
    void fetchGetsA401AndTheLoginLinkComesBackLoggedIn() throws Exception {
        EmulatorControl emulator = new EmulatorControl();
        emulator.reset();
        WebDriver d = freshSession();
        d.get(sample(""));
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("fetch-login")));
        chromium.screenshot("fetch-401");
        String said = d.findElement(By.id("whoami")).getText();
        assertTrue(said.contains("401 (OAuth2-Login)"), said);
        assertEquals(0, emulator.calls("/i/oauth2/authorize"), "the fetch never reached X");
        assertEquals(0, emulator.calls("/2/oauth2/token"), "nor its token endpoint");

        d.findElement(By.id("fetch-login")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(d.getCurrentUrl().startsWith(emulator("i/oauth2/authorize?")), d.getCurrentUrl());
        assertEquals(1, emulator.calls("/i/oauth2/authorize"));
        d.findElement(By.id("username")).sendKeys("browser_fetch");
        d.findElement(By.id("authorize")).click();
        waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "@browser_fetch"));
        chromium.screenshot("fetch-logged-in");
        assertEquals(sample(""), d.getCurrentUrl(), "back on the page the link was on");
    }

    /**
     * Issue 20: compose text typed while logged out (the session ended after the form was opened) survives the login
     * and the tweet.write step-up: the form comes back filled in, and nothing was posted to X until the user posts.
     */
    @Test
    void composeTextTypedWhileLoggedOutComesBackAfterLoginAndStepUp() throws Exception {
        EmulatorControl emulator = new EmulatorControl();
        emulator.reset();
        WebDriver d = freshSession();
        login(d, "browser_cora", "compose");
        d.get(sample("compose"));
        consent(d, "browser_cora", "compose-step-up");
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
        chromium.clearCookies(); // the session is gone: logged out, the page still open
        String text = "Typed while logged out <b>&</b> \u201Ckept\u201D";
        d.findElement(By.id("text")).sendKeys(text);
        chromium.screenshot("compose-logged-out-typed");
        d.findElement(By.id("post")).click();
        consent(d, "browser_cora", "compose-login");
        consent(d, "browser_cora", "compose-step-up-again");
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("kept")));
        chromium.screenshot("compose-text-kept");
        assertEquals(sample("compose"), d.getCurrentUrl());
        assertEquals(text, d.findElement(By.id("text")).getAttribute("value"));
        assertEquals(0, emulator.calls("/2/tweets"), "nothing was posted to X");
        d.findElement(By.id("post")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("posted")));
        chromium.screenshot("compose-posted");
        assertTrue(d.findElement(By.id("posted")).getText().contains(text), d.findElement(By.id("posted")).getText());
        assertEquals(1, emulator.calls("/2/tweets"), "posted once, by the user");
    }

    // --- helpers

    /** At the emulator's consent page: type {@code username}, Authorize. */
    private void consent(WebDriver d, String username, String step) throws Exception {
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(d.getCurrentUrl().startsWith(emulator("i/oauth2/authorize?")), d.getCurrentUrl());
        d.findElement(By.id("username")).sendKeys(username);
        chromium.screenshot(step + "-consent");
        org.openqa.selenium.WebElement authorize = d.findElement(By.id("authorize"));
        authorize.click();
        waitFor(d).until(ExpectedConditions.stalenessOf(authorize)); // left this page (maybe for the next consent)
    }

    private WebDriver freshSession() {
        chromium.clearCookies();
        return chromium.driver();
    }

    /** Opens /sample/me, logs in as {@code username} at the consent page; returns the URL landed on. */
    private String login(WebDriver d, String username, String step) throws Exception {
        d.get(sample("me"));
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(d.getCurrentUrl().startsWith(emulator("i/oauth2/authorize?")), d.getCurrentUrl());
        chromium.screenshot(step + "-consent");
        d.findElement(By.id("username")).sendKeys(username);
        chromium.screenshot(step + "-consent-filled");
        d.findElement(By.id("authorize")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        chromium.screenshot(step + "-me");
        assertTrue(d.getPageSource().contains("@" + username), d.getPageSource());
        return d.getCurrentUrl();
    }

    private String sample(String path) throws Exception {
        return base.toURI().resolve("/sample/" + path).toString();
    }

    private String emulator(String path) throws Exception {
        return EmulatorControl.BASE.resolve(path).toString();
    }

    private static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
