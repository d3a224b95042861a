package io.passerine.sample.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The x-emulator's control surface: the call-count oracle, reset, faults, clock. */
final class Emulator {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Browser.TIMEOUT).build();
    static final String TOKEN = "/2/oauth2/token";
    static final String REVOKE = "/2/oauth2/revoke";
    static final String ME = "/2/users/me";

    private Emulator() {
    }

    static void reset() throws Exception {
        post("/_control/reset", "{}");
        call("DELETE", "/_control/faults", null);
    }

    /** How many calls {@code path} received since the last reset. */
    static long count(String path) throws Exception {
        String stats = call("GET", "/_control/stats", null);
        Matcher m = Pattern.compile("\"" + Pattern.quote(path) + "\"\\s*:\\s*(\\d+)").matcher(stats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static void fault(String json) throws Exception {
        post("/_control/faults", json);
    }

    /** Runtime settings, e.g. {@code {"accessTokenLifetimeSeconds":30}} (undone by {@link #reset()}). */
    static void configure(String json) throws Exception {
        post("/_control/config", json);
    }

    static void advanceClock(long seconds) throws Exception {
        post("/_control/clock", "{\"advanceSeconds\":" + seconds + "}");
    }

    private static void post(String path, String json) throws Exception {
        call("POST", path, json);
    }

    private static String call(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(LoginDeployments.EMULATOR + path))
                .timeout(Browser.TIMEOUT).header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new AssertionError(method + " " + path + ": " + res.statusCode() + " " + res.body());
        }
        return res.body();
    }
}
