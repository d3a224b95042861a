package io.passerine.sample;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser (own cookie jar, the settings of {@link TestHttp}) that follows redirects and, when they lead to the
 * emulator's consent page, authorizes as the given user: {@code new SampleLogin("carol").get(url)}.
 */
public final class SampleLogin {

    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    private final String username;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TestHttp.TIMEOUT)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    public SampleLogin(String username) {
        this.username = username;
    }

    /** GETs {@code url}, following at most 10 redirects and logging in on the way if asked to. */
    public HttpResponse<String> get(String url) throws Exception {
        URI uri = URI.create(url);
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> res = send(TestHttp.request(uri).GET().build());
            if (res.statusCode() != 302) {
                return res;
            }
            uri = uri.resolve(res.headers().firstValue("Location").orElseThrow());
            if (uri.toString().startsWith(EmulatorControl.url("/i/oauth2/authorize?"))) {
                uri = consent(uri);
            }
        }
        throw new AssertionError("more than 10 redirects from " + url);
    }

    /** POSTs a form to {@code url} from the sample's own origin (no redirect followed); issue 17. */
    public HttpResponse<String> post(String url, String form) throws Exception {
        URI uri = URI.create(url);
        return send(TestHttp.request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", uri.getScheme() + "://" + uri.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** At the consent page: authorize as {@link #username}; returns the callback URL. */
    private URI consent(URI authorize) throws Exception {
        HttpResponse<String> page = send(TestHttp.request(authorize).GET().build());
        Matcher m = CONSENT.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new AssertionError("consent page: " + page.statusCode() + " " + page.body());
        }
        String form = "consent=" + enc(m.group(1)) + "&action=authorize&username=" + enc(username);
        HttpResponse<String> decided = send(TestHttp.request(URI.create(EmulatorControl.url("/i/oauth2/authorize")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (decided.statusCode() != 302) {
            throw new AssertionError("consent decision: " + decided.statusCode() + " " + decided.body());
        }
        return URI.create(decided.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
