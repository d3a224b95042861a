package io.passerine.sample.cluster;

import io.passerine.sample.EmulatorControl;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser for the cluster test: one cookie jar for both nodes (cookies ignore the port, like a browser's). */
final class Client {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).cookieHandler(jar).build();

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url) throws Exception {
        return post(url, "");
    }

    HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    List<HttpCookie> cookies(String prefix) {
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith(prefix)).toList();
    }

    void addCookie(HttpCookie c) {
        jar.getCookieStore().add(URI.create("http://localhost/"), c);
    }

    /** At the emulator's consent page: press Authorize; returns the callback URL the emulator redirects to. */
    String consent(String authorizeUri, String username) throws Exception {
        HttpResponse<String> page = get(authorizeUri);
        Matcher m = CONSENT.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new AssertionError("consent page: " + page.statusCode() + " " + page.body());
        }
        HttpResponse<String> decided = post(ClusterNodes.EMULATOR + "/i/oauth2/authorize", "consent="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&action=authorize&username=" + username);
        if (decided.statusCode() != 302) {
            throw new AssertionError("consent decision: " + decided.statusCode() + " " + decided.body());
        }
        return decided.headers().firstValue("Location").orElseThrow();
    }

    static String emulator(String method, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(ClusterNodes.EMULATOR + path)).timeout(TIMEOUT)
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .header(EmulatorControl.SECRET_HEADER, EmulatorControl.secret())
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Calls of {@code path} at the emulator since its last reset. */
    static long count(String path) throws Exception {
        Matcher m = Pattern.compile("\"" + Pattern.quote(path) + "\"\\s*:\\s*(\\d+)")
                .matcher(emulator("GET", "/_control/stats"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
