package io.passerine.sample.login;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser: its own cookie jar, HTTP/1.1 (the JDK client's h2c upgrade stalls on Liberty), no automatic
 * redirects (each hop is inspected), timeouts — the settings of {@code io.passerine.sample.TestHttp}.
 */
public final class Browser {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).cookieHandler(cookies).build();

    public HttpResponse<String> get(String uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST as a browser sends it from a page of the target's own origin ({@code Origin} header). */
    public HttpResponse<String> post(String uri, Map<String, String> form) throws Exception {
        URI target = URI.create(uri);
        return postFrom(target.getScheme() + "://" + target.getAuthority(), uri, form);
    }

    /** A form POST from a page of {@code origin} (null: no {@code Origin} header, as a non-browser client). */
    public HttpResponse<String> postFrom(String origin, String uri, Map<String, String> form, String... headers)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response's {@code Location}, resolved against the request's URI. */
    public static String location(HttpResponse<?> res) {
        String loc = res.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location, status " + res.statusCode()));
        return res.request().uri().resolve(loc).toString();
    }

    /** At the emulator's consent page for {@code authorizeUri}: press Authorize (or Cancel); returns the callback URL. */
    public String consent(String authorizeUri, String username, boolean authorize) throws Exception {
        HttpResponse<String> page = get(authorizeUri);
        if (page.statusCode() != 200) {
            throw new AssertionError("consent page: " + page.statusCode() + " " + page.body());
        }
        Matcher m = CONSENT.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no consent id in " + page.body());
        }
        HttpResponse<String> decided = post(LoginDeployments.EMULATOR + "/i/oauth2/authorize", Map.of(
                "consent", m.group(1), "action", authorize ? "authorize" : "cancel", "username", username));
        if (decided.statusCode() != 302) {
            throw new AssertionError("consent decision: " + decided.statusCode() + " " + decided.body());
        }
        return location(decided);
    }

    /** Forgets every cookie: the next request comes from a new visitor. */
    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
