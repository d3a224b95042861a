package io.passerine.sample.apponly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import io.passerine.sample.TestHttp;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app-only client on a real Open Liberty: an EJB and a JAX-RS resource get it injected and call the x-emulator's
 * {@code /2/tweets}; the emulator's call counts are the oracle.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AppOnlyIT {

    static final String TWEET = "1261326399320715264";
    static final String CONFIG = """
            passerine.app-only.api-key=sample-api-key
            passerine.app-only.api-secret=sample-api-secret
            passerine.app-only.token-uri=%1$s/oauth2/token
            passerine.app-only.revoke-uri=%1$s/oauth2/invalidate_token
            passerine.app-only.retry-backoff-min=100ms
            passerine.app-only.retry-backoff-max=100ms
            passerine.app-only.second.api-key=sample-api-key
            passerine.app-only.second.api-secret=sample-api-secret
            passerine.app-only.second.token-uri=%1$s/oauth2/token
            test.api-base=%1$s/
            """.formatted(EmulatorControl.BASE_URL);

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployments.withPasserine("apponly-it.war", CONFIG, TweetsBean.class, ProbeResource.class,
                ProbeResource.ProbeApplication.class);
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = TestHttp.client();
    private final EmulatorControl emulator = new EmulatorControl();

    @BeforeEach
    void freshEmulatorAndNoCachedToken() throws Exception {
        send(TestHttp.request(uri("api/probe/invalidate")).POST(HttpRequest.BodyPublishers.noBody()).build());
        emulator.reset();
    }

    @Test
    void ejbAndResourceShareOneClientAndNamedClientsAreDistinct() throws Exception {
        assertEquals("same=true default='' second='second' distinct=true", get("api/probe/clients").body());
    }

    @Test
    void tweetsAreFetchedWithOneTokenRequestForManyCalls() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> res = get("api/probe/tweets?ids=" + TWEET);
            assertEquals(200, res.statusCode(), res.body());
            assertTrue(res.body().contains("\"id\":\"" + TWEET + "\""), res.body());
        }
        assertEquals(1, emulator.calls("/oauth2/token"));
        assertEquals(5, emulator.calls("/2/tweets"));
    }

    @Test
    void invalidateRevokesAtTheProviderAndTheNextCallFetchesANewToken() throws Exception {
        assertEquals(200, get("api/probe/tweets?ids=" + TWEET).statusCode());
        assertEquals(204, send(TestHttp.request(uri("api/probe/invalidate"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        assertEquals(1, emulator.calls("/oauth2/invalidate_token"));
        assertEquals(200, get("api/probe/tweets?ids=" + TWEET).statusCode());
        assertEquals(2, emulator.calls("/oauth2/token"));
    }

    @Test
    void tokenInvalidatedElsewhereIsReplacedAndTheCallRetriedOnce() throws Exception {
        assertEquals(200, get("api/probe/tweets?ids=" + TWEET).statusCode());
        invalidateElsewhere(emulator); // another node of the cluster invalidates the app's one token at X
        HttpResponse<String> res = get("api/probe/tweets?ids=" + TWEET);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(3, emulator.calls("/2/tweets"), "first call, the 401, and the one retry");
        assertEquals(3, emulator.calls("/oauth2/token"), "the app's first, the other node's, the app's new one");
    }

    @Test
    void apiThatKeepsAnswering401IsRetriedOnlyOnce() throws Exception {
        emulator.fault("/2/tweets", 5, 401, EmulatorControl.UNAUTHORIZED);
        HttpResponse<String> res = get("api/probe/tweets?ids=" + TWEET);
        assertEquals(502, res.statusCode());
        assertEquals("API answered 401", res.body(), "the second 401 reaches the caller");
        assertEquals(2, emulator.calls("/2/tweets"));
        assertEquals(2, emulator.calls("/oauth2/token"));
    }

    @Test
    void tokenEndpointFailureIsAClearErrorAndTheNextCallRecovers() throws Exception {
        emulator.fault("/oauth2/token", 1, 503, "<html>Over capacity</html>");
        HttpResponse<String> failed = get("api/probe/tweets?ids=" + TWEET);
        assertEquals(502, failed.statusCode());
        assertTrue(failed.body().startsWith("App-only token request (client 'default') to "
                + EmulatorControl.url("/oauth2/token") + " was refused: HTTP 503"), failed.body());
        assertFalse(failed.body().contains("sample-api-secret"));
        Thread.sleep(150); // the configured backoff (100 ms) in this deployment
        assertEquals(200, get("api/probe/tweets?ids=" + TWEET).statusCode());
        assertEquals(2, emulator.calls("/oauth2/token"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(TestHttp.request(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        return base.toURI().resolve(path);
    }

    /** Another node gets the app's one token from X and invalidates it there (2 calls at the emulator). */
    static void invalidateElsewhere(EmulatorControl emulator) {
        String token = field(emulator.postForm("oauth2/token", "sample-api-key", "sample-api-secret",
                "grant_type=client_credentials").body(), "access_token");
        assertEquals(200, emulator.postForm("oauth2/invalidate_token", "sample-api-key", "sample-api-secret",
                "access_token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8))
                .statusCode());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }
}
