package io.passerine.sample.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.login.Browser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's PKCE login and its app-only call on WildFly, over HTTP with a cookie jar, against the x-emulator in its
 * own server (the base URL and the provider come from configure.cli's system properties; the WAR is unchanged).
 */
class LoginWildFlyIT {

    static final URI BASE = SampleWildFlyIT.BASE;
    static final String SAMPLE = BASE.resolve("sample").toString();
    static final String EMULATOR = EmulatorControl.BASE_URL;
    static final String TOKEN = "/2/oauth2/token";

    private final EmulatorControl emulator = new EmulatorControl();
    private final Browser browser = new Browser();

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    @Test
    void loginHappyPath() throws Exception {
        HttpResponse<String> start = browser.get(SAMPLE + "/me");
        assertEquals(302, start.statusCode(), start.body());
        String authorize = Browser.location(start);
        assertTrue(authorize.startsWith(EMULATOR + "/i/oauth2/authorize?"), authorize);
        assertTrue(authorize.contains("redirect_uri=" + enc(SAMPLE + "/oauth2/callback")), authorize);

        String callback = browser.consent(authorize, "wildfly_user", true);
        assertTrue(callback.startsWith(SAMPLE + "/oauth2/callback?"), callback);
        HttpResponse<String> back = browser.get(callback);
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(SAMPLE + "/me", Browser.location(back));
        assertFalse(Browser.location(back).contains("code="));

        HttpResponse<String> me = browser.get(SAMPLE + "/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("<span id=\"username\">@wildfly_user</span>"), me.body());
        assertTrue(me.body().contains("id=\"logout\""), me.body());
        assertEquals(1, emulator.calls(TOKEN), "one code exchange");
    }

    @Test
    void callbackWithWrongStateIsRejectedWithoutTokenCall() throws Exception {
        HttpResponse<String> start = browser.get(SAMPLE + "/me");
        assertEquals(302, start.statusCode(), start.body());
        String callback = browser.consent(Browser.location(start), "mallory", true);
        Matcher state = Pattern.compile("state=([^&]+)").matcher(callback);
        assertTrue(state.find(), callback);
        String forged = callback.replace("state=" + state.group(1), "state=forged" + state.group(1));

        HttpResponse<String> rejected = browser.get(forged);
        assertEquals(400, rejected.statusCode(), rejected.body());
        assertFalse(rejected.body().contains("mallory"), rejected.body());
        assertEquals(0, emulator.calls(TOKEN), "no code exchange for a rejected callback");
        assertEquals(302, browser.get(SAMPLE + "/me").statusCode(), "still not logged in");
    }

    @Test
    void appOnlyTweets() throws Exception {
        HttpResponse<String> res = browser.get(SAMPLE + "/api/tweets?ids=1261326399320715264");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"id\":\"1261326399320715264\""), res.body());
        assertEquals(1, emulator.calls("/oauth2/token"), "the app-only token came from the emulator on WildFly");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
