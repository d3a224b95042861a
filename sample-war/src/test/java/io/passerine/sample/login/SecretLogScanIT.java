package io.passerine.sample.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.SampleDeployments;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checklist row 23: with every Passerine logger at the finest level (the test server's trace specification), a run of
 * login, refresh, step-up, app-only calls, failures and logout leaves no secret in the server's logs — searched for
 * the actual values the emulator issued or received (codes, access/refresh/app tokens, PKCE verifiers) and the
 * configured secrets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretLogScanIT {

    static final String SAMPLE = "http://localhost:9080/sample";
    static final Path LOGS = Path.of("target/liberty/wlp/usr/servers/passerine/logs");

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    @Test
    void noIssuedValueOrConfiguredSecretIsLogged() throws Exception {
        Emulator.reset();
        Emulator.configure("{\"accessTokenLifetimeSeconds\":30}"); // within the refresh skew: every use refreshes
        Browser b = new Browser();
        assertEquals(SAMPLE + "/me", login(b, SAMPLE + "/me", "scan_user"));
        assertEquals(200, b.get(SAMPLE + "/timeline").statusCode());
        HttpResponse<String> stepUp = b.get(b.get(SAMPLE + "/compose").headers().firstValue("Location")
                .map(l -> l.startsWith("/") ? "http://localhost:9080" + l : l).orElseThrow());
        b.get(b.consent(Browser.location(stepUp), "scan_user", true));
        assertEquals(200, b.get(SAMPLE + "/timeline").statusCode()); // refreshed (rotating refresh token)
        assertTrue(Emulator.count(Emulator.TOKEN) >= 3, "logins and at least one refresh");
        assertEquals(200, b.get(SAMPLE + "/api/tweets?ids=1261326399320715264").statusCode());
        Emulator.fault("{\"path\":\"/2/oauth2/token\",\"count\":1,\"status\":400,"
                + "\"body\":\"{\\\"error\\\":\\\"invalid_grant\\\"}\"}");
        Browser other = new Browser();
        String callback = other.consent(start(other, SAMPLE + "/me"), "scan_other", true);
        assertTrue(other.get(callback).statusCode() >= 400);
        assertEquals(400, other.get(callback.replaceAll("state=[^&]+", "state=forged")).statusCode());
        assertEquals(302, b.post(SAMPLE + "/oauth2/logout", Map.of()).statusCode());

        List<String> issued = issued();
        assertTrue(issued.size() >= 8, "codes, tokens and verifiers of this run: " + issued.size());
        String logs = readLogs();
        assertTrue(logs.contains("io.passerine"), "Passerine's finest-level records are in the trace");
        for (String secret : List.of("sample-secret", "sample-api-secret", "mock-secret")) {
            assertTrue(!logs.contains(secret), "configured secret in the logs: " + secret);
        }
        for (String value : issued) {
            String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
            assertTrue(!logs.contains(value) && !logs.contains(decoded),
                    "an issued code/token/verifier appears in the logs (" + value.length() + " chars)");
        }
    }

    private static String start(Browser b, String url) throws Exception {
        HttpResponse<String> res = b.get(url);
        assertEquals(302, res.statusCode());
        return Browser.location(res);
    }

    private static String login(Browser b, String url, String user) throws Exception {
        HttpResponse<String> res = b.get(b.consent(start(b, url), user, true));
        assertEquals(302, res.statusCode(), res.body());
        return Browser.location(res);
    }

    private static List<String> issued() throws Exception {
        String json = new io.passerine.sample.EmulatorControl().issued();
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]{16,})\"").matcher(json);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String readLogs() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(LOGS)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(f, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }
}
