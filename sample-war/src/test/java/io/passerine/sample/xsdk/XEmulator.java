package io.passerine.sample.xsdk;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator the contract tests talk to, at {@link EmulatorControl#BASE_URL} (X's paths below it): its control surface and tokens obtained the way any client gets them
 * (app-only: client credentials with the API key; user: authorize, consent as a made-up user, code exchange).
 */
public final class XEmulator {

    /** The emulator's base URL, without a trailing slash: what X's SDK gets as its base path. */
    public static final String BASE = EmulatorControl.BASE_URL;
    static final String CALLBACK = "http://localhost:9080/sample/oauth2/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    final EmulatorControl control = new EmulatorControl();
    private final HttpClient http = TestHttp.client();

    /** The sample app's app-only bearer token (API key and secret of the emulator's default registration). */
    String appToken() {
        return field(control.postForm("oauth2/token", "sample-api-key", "sample-api-secret",
                "grant_type=client_credentials").body(), "access_token");
    }

    /** A user access token for {@code username} with {@code scope}, through the PKCE flow of the sample client. */
    String userToken(String username, String scope) {
        String authorize = BASE + "/i/oauth2/authorize?response_type=code&client_id=sample-client&redirect_uri="
                + enc(CALLBACK) + "&scope=" + enc(scope) + "&state=st&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256";
        String code = code(authorize, username);
        return field(control.postForm("2/oauth2/token", "sample-client", "sample-secret", "grant_type="
                + "authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(CALLBACK) + "&code_verifier="
                + VERIFIER).body(), "access_token");
    }

    /** The code the emulator redirects to after {@code username} approves the consent page of {@code authorize}. */
    String code(String authorize, String username) {
        String page = send(TestHttp.request(URI.create(authorize)).GET().build()).body();
        String consent = field(page, "consent\" value");
        HttpResponse<String> approved = send(TestHttp.request(URI.create(BASE + "/i/oauth2/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("consent=" + enc(consent) + "&username=" + enc(username)
                        + "&action=authorize")).build());
        String location = approved.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("no redirect from consent: " + approved.statusCode()));
        return location.substring(location.indexOf("&code=") + 6);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The string value after {@code "name":"} or {@code name="} in {@code text}. */
    static String field(String text, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\"?\\s*[:=]\\s*\"([^\"]+)\"").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + text);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
