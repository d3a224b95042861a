package io.passerine.sample.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * as X. Screenshots of every step go to {@code sample-war/target/screenshots/}.
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
        chromium = new HeadlessChromium("login");
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
        d.get(base.toURI().resolve("/x-emulator/i/oauth2/authorize?response_type=code&client_id=sample-client"
                + "&redirect_uri=" + enc(CALLBACK) + "&scope=" + enc("tweet.read users.read") + "&state=browser"
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256").toString());
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        chromium.screenshot("emulator-consent");
        assertTrue(d.getPageSource().contains("Passerine Sample"), d.getPageSource());
        assertTrue(d.findElement(By.id("authorize")).isDisplayed());
        assertTrue(d.findElement(By.id("cancel")).isDisplayed());
        assertEquals("Authorize Passerine Sample / X", d.getTitle());
    }

    private static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
