package io.passerine.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The x-emulator's test control surface ({@code /_control}), for the oracle "the provider received exactly K calls"
 * and for fault injection; and the one place the tests learn where the emulator is: {@code -Demulator.base.url}
 * (default http://localhost:9081, its own Liberty server, X's paths at its root) and the secret the build started it
 * with, {@code -Demulator.control.secret}, sent in {@value #SECRET_HEADER}.
 */
public final class EmulatorControl {

    /** The emulator, without a trailing slash: {@code BASE_URL + "/oauth2/token"} is its app-only token endpoint. */
    public static final String BASE_URL = System.getProperty("emulator.base.url", "http://localhost:9081")
            .replaceAll("/+$", "");
    /** {@link #BASE_URL} with a trailing slash, for {@link URI#resolve(String)}. */
    public static final URI BASE = URI.create(BASE_URL + "/");
    public static final String SECRET_HEADER = "X-Emulator-Control-Secret";

    /** X's v2 answer to a bad bearer token (a problem object; the v1.1 code 89 belongs to /oauth2/* only). */
    public static final String UNAUTHORIZED =
            "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}";

    private final HttpClient http = TestHttp.client();
    private final URI base;

    /** The emulator at {@link #BASE}. */
    public EmulatorControl() {
        this(BASE);
    }

    /** The emulator at {@code base} (trailing slash added). */
    public EmulatorControl(URI base) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
    }

    /** {@code path} (starting with a slash) at the emulator, e.g. {@code url("/2/oauth2/token")}. */
    public static String url(String path) {
        return BASE_URL + path;
    }

    /** The control secret the build gave the emulator ({@code -Demulator.control.secret}). */
    public static String secret() {
        String secret = System.getProperty("emulator.control.secret");
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("-Demulator.control.secret is not set (the build sets it)");
        }
        return secret;
    }

    /** Zeroes the counters and forgets every code, token and rate-limit window. */
    public void reset() {
        expectOk(post("_control/reset", ""));
        expectOk(send(control("_control/faults").header("Content-Type", "application/json").DELETE().build()));
    }

    /** How many calls {@code path} (e.g. {@code /oauth2/token}) received since the last reset. */
    public int calls(String path) {
        String stats = expectOk(send(control("_control/stats").GET().build())).body();
        Matcher m = Pattern.compile("\"" + Pattern.quote(path) + "\"\\s*:\\s*(\\d+)").matcher(stats);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Every code, token and verifier the emulator issued or received, as JSON ({@code GET /_control/issued}). */
    public String issued() {
        return expectOk(send(control("_control/issued").GET().build())).body();
    }

    /** The next {@code count} calls of {@code path} answer {@code status} with {@code body}. */
    public void fault(String path, int count, int status, String body) {
        fault("{\"path\":\"" + path + "\",\"count\":" + count + ",\"status\":" + status
                + ",\"body\":\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** Faults as the control surface takes them: one JSON object or an array (path, count, status, delayMillis, ...). */
    public void fault(String json) {
        expectOk(post("_control/faults", json));
    }

    /** Moves the emulator's clock forward (codes and tokens expire without sleeping; undone by {@link #reset()}). */
    public void advanceClock(long seconds) {
        expectOk(post("_control/clock", "{\"advanceSeconds\":" + seconds + "}"));
    }

    /** Changes the emulator's runtime settings, e.g. {@code {"rateLimit":2}} (undone by {@link #reset()}). */
    public void configure(String json) {
        expectOk(post("_control/config", json));
    }

    /** POSTs a form to an emulator path with HTTP Basic credentials, as an app would. */
    public HttpResponse<String> postForm(String path, String user, String password, String form) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(TestHttp.request(base.resolve(path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(control(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder control(String path) {
        return TestHttp.request(base.resolve(path)).header(SECRET_HEADER, secret());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("x-emulator control call answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }
}
