package io.passerine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The x-emulator (its own server, {@link EmulatorControl#BASE}) over HTTP: PKCE login, app-only flow, control. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmulatorIT {

    private static final String CALLBACK = "http://localhost:9080/sample/oauth2/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String CLIENT_BASIC = basic("sample-client", "sample-secret");
    private static final String APP_BASIC = basic("sample-api-key", "sample-api-secret");
    private static final String TWEET = "1261326399320715264";

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    private final HttpClient http = TestHttp.client();

    @BeforeEach
    void freshEmulator() throws Exception {
        assertEquals(200, send(post("/_control/reset", "", null)).statusCode());
    }

    @Test
    void pkceLoginRoundTrip() throws Exception {
        String code = consent("tweet.read users.read offline.access");
        HttpResponse<String> token = send(post("/2/oauth2/token", form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER)), CLIENT_BASIC));
        assertEquals(200, token.statusCode(), token.body());
        assertTrue(token.body().contains("\"token_type\":\"bearer\""), token.body());
        assertTrue(token.body().contains("\"expires_in\":7200"), token.body());
        assertTrue(token.body().contains("\"refresh_token\""), token.body());

        HttpResponse<String> me = send(get("/2/users/me", "Bearer " + field(token.body(), "access_token")));
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().startsWith("{\"data\":{\"id\":\""), me.body());
        assertTrue(me.body().contains("\"username\":\"alice\""), me.body());
        assertTrue(me.headers().firstValue("x-rate-limit-limit").isPresent());
        assertTrue(me.headers().firstValue("x-rate-limit-reset").isPresent());

        HttpResponse<String> reused = send(post("/2/oauth2/token", form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER)), CLIENT_BASIC));
        assertEquals(400, reused.statusCode());
        assertTrue(reused.body().contains("Value passed for the authorization code was invalid."), reused.body());
    }

    @Test
    void unregisteredRedirectUriShowsXErrorPageWithoutRedirect() throws Exception {
        HttpResponse<String> page = send(get("/i/oauth2/authorize?" + form(authorizeQuery("tweet.read",
                "https://evil.example/cb")), null));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Something went wrong"), page.body());
        assertTrue(page.body().contains("You weren't able to give access to the App."), page.body());
        assertFalse(page.headers().firstValue("Location").isPresent());
    }

    @Test
    void cancelRedirectsWithAccessDenied() throws Exception {
        String consentId = consentId(send(get("/i/oauth2/authorize?"
                + form(authorizeQuery("tweet.read", CALLBACK)), null)).body());
        HttpResponse<String> res = send(post("/i/oauth2/authorize",
                form(Map.of("consent", consentId, "action", "cancel")), null));
        assertEquals(302, res.statusCode());
        assertEquals(CALLBACK + "?state=xyz&error=access_denied", res.headers().firstValue("Location").orElse(""));
    }

    @Test
    void codeExpiresWhenTheClockIsAdvanced() throws Exception {
        String code = consent("tweet.read users.read");
        assertEquals(200, send(post("/_control/clock", "{\"advanceSeconds\":31}", null)).statusCode());
        HttpResponse<String> token = send(post("/2/oauth2/token", form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER)), CLIENT_BASIC));
        assertEquals(400, token.statusCode(), token.body());
    }

    @Test
    void appOnlyTokenTweetsAndInvalidate() throws Exception {
        HttpResponse<String> t1 = send(post("/oauth2/token", "grant_type=client_credentials", APP_BASIC));
        assertEquals(200, t1.statusCode(), t1.body());
        assertFalse(t1.body().contains("expires_in"), t1.body());
        String token = field(t1.body(), "access_token");
        assertEquals(token, field(send(post("/oauth2/token", "grant_type=client_credentials", APP_BASIC)).body(),
                "access_token"));

        HttpResponse<String> tweets = send(get("/2/tweets?ids=" + TWEET + ",1278347468690915330,7", "Bearer " + token));
        assertEquals(200, tweets.statusCode(), tweets.body());
        assertTrue(tweets.body().contains("{\"id\":\"" + TWEET + "\",\"text\":"), tweets.body());
        assertTrue(tweets.body().contains("\"edit_history_tweet_ids\":[\"" + TWEET + "\"]"), tweets.body());
        assertTrue(tweets.body().contains("\"errors\":[{\"value\":\"7\",\"detail\":\"Could not find tweet with ids:"
                + " [7].\",\"title\":\"Not Found Error\""), tweets.body());

        HttpResponse<String> inv = send(post("/oauth2/invalidate_token", form(Map.of("access_token", token)),
                APP_BASIC));
        assertEquals(200, inv.statusCode(), inv.body());
        HttpResponse<String> after = send(get("/2/tweets?ids=" + TWEET, "Bearer " + token));
        assertEquals(401, after.statusCode());
        assertEquals(EmulatorControl.UNAUTHORIZED, after.body(), "X's v2 problem, not the v1.1 code 89");
        assertTrue(after.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void statsCountCallsPerPath() throws Exception {
        send(post("/oauth2/token", "grant_type=client_credentials", APP_BASIC));
        send(post("/oauth2/token", "grant_type=client_credentials", basic("sample-api-key", "wrong")));
        send(post("/2/oauth2/token", "grant_type=authorization_code", null));
        HttpResponse<String> stats = send(get("/_control/stats", null));
        assertEquals(200, stats.statusCode());
        assertEquals("{\"/2/oauth2/token\":1,\"/oauth2/token\":2}", stats.body());
    }

    @Test
    void injected503ThenNormalTokenCall() throws Exception {
        String code = consent("tweet.read users.read");
        HttpResponse<String> planned = send(post("/_control/faults", "{\"path\":\"/2/oauth2/token\",\"count\":1,"
                + "\"status\":503,\"body\":\"<html>Over capacity</html>\",\"contentType\":\"text/html\"}", null));
        assertEquals(200, planned.statusCode(), planned.body());
        String tokenForm = form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
                "code_verifier", VERIFIER));
        HttpResponse<String> faulted = send(post("/2/oauth2/token", tokenForm, CLIENT_BASIC));
        assertEquals(503, faulted.statusCode());
        assertEquals("<html>Over capacity</html>", faulted.body());
        assertTrue(faulted.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> normal = send(post("/2/oauth2/token", tokenForm, CLIENT_BASIC));
        assertEquals(200, normal.statusCode(), normal.body());
        assertTrue(send(get("/_control/stats", null)).body().contains("\"/2/oauth2/token\":2"));
    }

    @Test
    void droppedConnectionFailsTheClient() throws Exception {
        send(post("/_control/faults", "{\"path\":\"/2/tweets\",\"count\":1,\"drop\":true}", null));
        // headers promising 1 MiB, 64 KiB of body, then the connection closes
        IOException dropped = assertThrows(IOException.class, () -> send(get("/2/tweets?ids=" + TWEET, "Bearer x")));
        assertTrue(String.valueOf(dropped.getMessage()).contains("content-length"), String.valueOf(dropped));
        assertEquals(401, send(get("/2/tweets?ids=" + TWEET, "Bearer x")).statusCode());
    }

    @Test
    void rateLimitConfiguredAtRuntimeGives429() throws Exception {
        HttpResponse<String> config = send(post("/_control/config", "{\"rateLimit\":3}", null));
        assertTrue(config.body().contains("\"rateLimit\":3"), config.body());
        String token = field(send(post("/oauth2/token", "grant_type=client_credentials", APP_BASIC)).body(),
                "access_token");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send(get("/2/tweets?ids=" + TWEET, "Bearer " + token)).statusCode());
        }
        HttpResponse<String> limited = send(get("/2/tweets?ids=" + TWEET, "Bearer " + token));
        assertEquals(429, limited.statusCode());
        assertEquals("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\","
                + "\"status\":429}", limited.body());
        assertEquals("0", limited.headers().firstValue("x-rate-limit-remaining").orElse(""));
        long reset = Long.parseLong(limited.headers().firstValue("x-rate-limit-reset").orElseThrow());
        assertTrue(reset > System.currentTimeMillis() / 1000, "reset is a future epoch second");
    }

    // --- helpers

    /** GET authorize, POST the consent as alice, return the code from the callback redirect. */
    private String consent(String scope) throws Exception {
        HttpResponse<String> page = send(get("/i/oauth2/authorize?" + form(authorizeQuery(scope, CALLBACK)), null));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Passerine Sample"), page.body());
        assertTrue(page.body().contains("id=\"username\""));
        HttpResponse<String> res = send(post("/i/oauth2/authorize",
                form(Map.of("consent", consentId(page.body()), "username", "alice", "action", "authorize")), null));
        assertEquals(302, res.statusCode(), res.body());
        String location = res.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?state=xyz&code="), location);
        return location.substring(location.indexOf("&code=") + 6);
    }

    private static Map<String, String> authorizeQuery(String scope, String redirectUri) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", "sample-client");
        q.put("redirect_uri", redirectUri);
        q.put("scope", scope);
        q.put("state", "xyz");
        q.put("code_challenge", CHALLENGE);
        q.put("code_challenge_method", "S256");
        return q;
    }

    private static String consentId(String html) {
        Matcher m = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(user) + ":" + enc(password))
                .getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) throws Exception {
        return EmulatorControl.BASE.resolve(path.substring(1));
    }

    /** A request to the emulator; control calls carry the control secret. */
    private static HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = TestHttp.request(uri);
        return uri.getPath().startsWith("/_control")
                ? b.header(EmulatorControl.SECRET_HEADER, EmulatorControl.secret()) : b;
    }

    private HttpRequest get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = request(uri(path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private HttpRequest post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = request(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", path.startsWith("/_control") ? "application/json"
                        : "application/x-www-form-urlencoded;charset=UTF-8");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
