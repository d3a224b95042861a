package io.passerine.sample.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    private final EmulatorControl emulator = new EmulatorControl();
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    @Test
    void loginHappyPath() throws Exception {
        HttpResponse<String> start = get(SAMPLE + "/me");
        assertEquals(302, start.statusCode(), start.body());
        String authorize = location(start);
        assertTrue(authorize.startsWith(EMULATOR + "/i/oauth2/authorize?"), authorize);
        assertTrue(authorize.contains("redirect_uri=" + enc(SAMPLE + "/oauth2/callback")), authorize);

        String callback = consent(authorize, "wildfly_user");
        assertTrue(callback.startsWith(SAMPLE + "/oauth2/callback?"), callback);
        HttpResponse<String> back = get(callback);
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(SAMPLE + "/me", location(back));
        assertFalse(location(back).contains("code="));

        HttpResponse<String> me = get(SAMPLE + "/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("<span id=\"username\">@wildfly_user</span>"), me.body());
        assertTrue(me.body().contains("id=\"logout\""), me.body());
        assertEquals(1, emulator.calls(TOKEN), "one code exchange");
    }

    @Test
    void callbackWithWrongStateIsRejectedWithoutTokenCall() throws Exception {
        HttpResponse<String> start = get(SAMPLE + "/me");
        assertEquals(302, start.statusCode(), start.body());
        String callback = consent(location(start), "mallory");
        Matcher state = Pattern.compile("state=([^&]+)").matcher(callback);
        assertTrue(state.find(), callback);
        String forged = callback.replace("state=" + state.group(1), "state=forged" + state.group(1));

        HttpResponse<String> rejected = get(forged);
        assertEquals(400, rejected.statusCode(), rejected.body());
        assertFalse(rejected.body().contains("mallory"), rejected.body());
        assertEquals(0, emulator.calls(TOKEN), "no code exchange for a rejected callback");
        assertEquals(302, get(SAMPLE + "/me").statusCode(), "still not logged in");
    }

    @Test
    void appOnlyTweets() throws Exception {
        HttpResponse<String> res = get(SAMPLE + "/api/tweets?ids=1261326399320715264");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"id\":\"1261326399320715264\""), res.body());
        assertEquals(1, emulator.calls("/oauth2/token"), "the app-only token came from the emulator on WildFly");
    }

    // --- helpers

    /** At the emulator's consent page: type the username, press Authorize; returns the callback URL. */
    private String consent(String authorize, String username) throws Exception {
        HttpResponse<String> page = get(authorize);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"username\""), page.body());
        Matcher m = CONSENT.matcher(page.body());
        assertTrue(m.find(), page.body());
        HttpResponse<String> decided = send(HttpRequest.newBuilder(URI.create(EMULATOR + "/i/oauth2/authorize"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("consent=" + enc(m.group(1)) + "&username=" + enc(username)
                        + "&action=authorize")).build());
        assertEquals(302, decided.statusCode(), decided.body());
        return location(decided);
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> res) {
        String loc = res.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location, status " + res.statusCode()));
        return BASE.resolve(loc).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
