package io.passerine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.login.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, the Jakarta Security contract, on the built sample over HTTP with the x-emulator's counts as the oracle:
 * {@code request.logout()} ends the X login, {@code authenticate()} logs in from a public page and comes back there,
 * requests that are not browser navigations get 401 with a challenge (and X never sees them), and a group from the
 * sample's own identity store arrives in {@code isCallerInRole}. Run on Liberty ({@code JakartaContractIT}) and on
 * WildFly ({@code JakartaContractWildFlyIT}).
 */
public abstract class JakartaContractCases {

    static final String AUTHORIZE = "/i/oauth2/authorize";
    static final String REVOKE = "/2/oauth2/revoke";
    static final String TOKEN = "/2/oauth2/token";
    /** The emulator's user whose X id (2244994945) the sample's {@code SampleAdmins} store makes admin. */
    static final String ADMIN_USER = "XDevelopers";
    private static final Pattern PRINCIPAL = Pattern.compile("<strong id=\"principal\">(\\d+)</strong>");
    private static final String[] CHROME_FETCH = {"Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty",
        "Sec-Fetch-Site", "same-origin", "Accept", "application/json"};

    protected final EmulatorControl emulator = new EmulatorControl();

    /** The sample's base URL, without a trailing slash, e.g. {@code http://localhost:9080/sample}. */
    protected abstract String sample();

    /** The server's log file (the container must not rewrite the 401s: no warnings about committed responses). */
    protected abstract Path serverLog();

    /** Log lines that say the container tried to change a response the mechanism had written. */
    protected abstract List<String> rewriteWarnings();

    /**
     * Whether the 401 of a protected servlet keeps Passerine's JSON body (Liberty); WildFly keeps status and headers
     * and sends its error page as the body. JAX-RS resources and {@code authenticate()} keep it on both.
     */
    protected abstract boolean keepsChallengeBodyOfProtectedServlets();

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    /** GET {@code start}, consent as {@code user}, deliver the callback; returns where the login sent the browser. */
    private static String login(Browser b, String start, String user) throws Exception {
        HttpResponse<String> first = b.get(start);
        assertEquals(302, first.statusCode(), first.body());
        String authorize = Browser.location(first);
        assertTrue(authorize.startsWith(EmulatorControl.BASE_URL + AUTHORIZE + "?"), authorize);
        HttpResponse<String> back = b.get(b.consent(authorize, user, true));
        assertEquals(302, back.statusCode(), back.body());
        return Browser.location(back);
    }

    private static String principalOn(HttpResponse<String> page) {
        Matcher m = PRINCIPAL.matcher(page.body());
        return m.find() ? m.group(1) : null;
    }

    @Test
    void requestLogoutEndsTheXLoginAndTheNextRequestIsNotLoggedIn() throws Exception {
        Browser b = new Browser();
        assertEquals(sample() + "/me", login(b, sample() + "/me", "contract_logout"));
        HttpResponse<String> before = b.get(sample() + "/welcome");
        assertTrue(before.body().contains("id=\"local-logout\""), before.body());
        assertTrue(principalOn(before) != null, before.body());

        HttpResponse<String> out = b.post(sample() + "/welcome", Map.of()); // request.logout()
        assertEquals(303, out.statusCode(), out.body());
        assertEquals(2, emulator.calls(REVOKE), "refresh and access token revoked at X");

        HttpResponse<String> after = b.get(sample() + "/welcome");
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("You are not logged in"), after.body());
        assertEquals(null, principalOn(after));
        HttpResponse<String> me = b.get(sample() + "/me");
        assertEquals(302, me.statusCode(), "not logged back in from the session: " + me.body());
        assertTrue(Browser.location(me).startsWith(EmulatorControl.BASE_URL + AUTHORIZE + "?"));
        assertEquals(1, emulator.calls(TOKEN), "no token call after the logout");
    }

    @Test
    void requestAuthenticateOnAPublicPageLogsInAndComesBackThere() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> anonymous = b.get(sample() + "/welcome");
        assertEquals(200, anonymous.statusCode());
        assertTrue(anonymous.body().contains("You are not logged in"), anonymous.body());
        assertEquals(0, emulator.calls(AUTHORIZE));

        assertEquals(sample() + "/welcome?login", login(b, sample() + "/welcome?login", "contract_auth"));
        HttpResponse<String> back = b.get(sample() + "/welcome?login");
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(back.body().contains("Logged in as X user"), back.body());
        assertEquals(1, emulator.calls(TOKEN));
    }

    @Test
    void securityContextAuthenticateOnAPublicPageLogsInAndComesBackThere() throws Exception {
        Browser b = new Browser();
        String page = sample() + "/welcome?login=security-context";
        assertEquals(page, login(b, page, "contract_sc"));
        HttpResponse<String> back = b.get(page);
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(back.body().contains("Logged in as X user"), back.body());
    }

    @Test
    void requestsThatAreNoBrowserNavigationGetA401ChallengeAndXNeverSeesThem() throws Exception {
        long logMark = Files.size(serverLog());
        // a client that follows every redirect, as fetch() and XHR do: before issue 15 it ended at X's consent page
        HttpClient follows = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(20)).build();
        Map<String, String[]> cases = Map.of(
                "/me", CHROME_FETCH,
                "/timeline", new String[] {"X-Requested-With", "XMLHttpRequest"},
                "/admin", new String[] {"Accept", "*/*"},
                "/welcome?login", CHROME_FETCH,
                "/api/limits", new String[] {"Accept", "application/json"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            HttpResponse<String> res = follows.send(HttpRequest.newBuilder(URI.create(sample() + c.getKey()))
                    .timeout(Duration.ofSeconds(20)).headers(c.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String what = c.getKey() + " " + res.statusCode() + " " + res.headers().map() + " " + res.body();
            assertEquals(401, res.statusCode(), what);
            assertEquals(URI.create(sample() + c.getKey()), res.uri(), "no redirect followed: " + what);
            assertEquals("OAuth2-Login realm=\"/sample\", login_uri=\"/sample/oauth2/login\"",
                    res.headers().firstValue("WWW-Authenticate").orElse(null), what);
            if (keepsChallengeBodyOfProtectedServlets() || c.getKey().startsWith("/api/")
                    || c.getKey().startsWith("/welcome")) {
                assertTrue(res.body().contains("\"login_uri\":\"/sample/oauth2/login\""), what);
            }
            assertFalse(res.headers().firstValue("Location").isPresent(), what);
            assertTrue(res.headers().allValues("Set-Cookie").isEmpty(), "no session, no transaction: " + what);
        }
        assertEquals(0, emulator.calls(AUTHORIZE), "X's authorize endpoint never hit");

        // the oracle can see a redirect: the same client, a browser's navigation headers, lands at X
        HttpResponse<String> navigation = follows.send(HttpRequest.newBuilder(URI.create(sample() + "/me"))
                .timeout(Duration.ofSeconds(20)).headers("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document",
                        "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, navigation.statusCode());
        assertTrue(navigation.uri().toString().startsWith(EmulatorControl.BASE_URL + AUTHORIZE), navigation.uri().toString());
        assertEquals(1, emulator.calls(AUTHORIZE));

        String log = new String(Files.readAllBytes(serverLog()), java.nio.charset.StandardCharsets.UTF_8)
                .substring((int) Math.min(logMark, Files.size(serverLog())));
        for (String warning : rewriteWarnings()) {
            assertFalse(log.contains(warning), "the container rewrote a 401 (" + warning + "): " + log);
        }
    }

    @Test
    void aGroupFromTheAppsIdentityStoreArrivesInIsCallerInRole() throws Exception {
        Browser admin = new Browser();
        login(admin, sample() + "/welcome?login", ADMIN_USER);
        HttpResponse<String> page = admin.get(sample() + "/welcome");
        assertEquals("2244994945", principalOn(page), page.body());
        assertTrue(page.body().contains("<strong id=\"admin\">yes</strong>"), page.body());
        HttpResponse<String> adminPage = admin.get(sample() + "/admin");
        assertEquals(200, adminPage.statusCode(), adminPage.body());
        assertTrue(adminPage.body().contains("id=\"admin\""), adminPage.body());

        Browser other = new Browser();
        login(other, sample() + "/welcome?login", "contract_plain");
        HttpResponse<String> plain = other.get(sample() + "/welcome");
        assertTrue(plain.body().contains("<strong id=\"admin\">no</strong>"), plain.body());
        assertEquals(403, other.get(sample() + "/admin").statusCode(), "logged in, but not admin");
        assertEquals(2, emulator.calls(TOKEN));
    }
}
