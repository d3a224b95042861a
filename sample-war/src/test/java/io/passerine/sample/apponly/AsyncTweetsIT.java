package io.passerine.sample.apponly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import io.passerine.sample.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample's asynchronous resource {@code /sample/api/tweets-async} on Open Liberty ({@code tokenAsync()} then the
 * JAX-RS client's {@code rx()}), against the x-emulator, whose call counts are the oracle. Two copies of the built
 * sample, each deployed without a token: {@code /sample} takes a cold burst then a warm one (in this order),
 * {@code /async-cold} a cold start whose token request fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsyncTweetsIT {

    static final String ASYNC = "api/tweets-async?ids=" + AppOnlyIT.TWEET;
    /**
     * Concurrent requests per burst (the emulator runs in its own server: nothing shares the sample's pool); two
     * bursts stay within the emulator's 300 calls per window.
     */
    static final int BURST = 100;
    static final Path MESSAGES = Path.of("target/liberty/wlp/usr/servers/passerine/logs/messages.log");
    static final String BACKOFF = """
            passerine.app-only.retry-backoff-min=100ms
            passerine.app-only.retry-backoff-max=100ms
            """;

    @Deployment(name = "sample", testable = false)
    static WebArchive sample() throws Exception {
        return SampleDeployments.builtSampleWith(BACKOFF);
    }

    @Deployment(name = "cold", testable = false)
    static WebArchive cold() throws Exception {
        return ShrinkWrap.create(WebArchive.class, "async-cold.war").merge(SampleDeployments.builtSampleWith(BACKOFF));
    }

    private final HttpClient http = TestHttp.client();
    private final EmulatorControl emulator = new EmulatorControl();

    @Test
    @Order(1)
    @OperateOnDeployment("sample")
    void coldBurstOfAsyncRequestsCausesOneTokenRequest() throws Exception {
        emulator.reset();
        emulator.fault("{\"path\":\"/oauth2/token\",\"count\":1,\"status\":0,\"delayMillis\":500}");
        for (HttpResponse<String> res : burst(BURST, "sample", ASYNC)) {
            assertEquals(200, res.statusCode(), res.body());
            assertTrue(res.body().contains("\"id\":\"" + AppOnlyIT.TWEET + "\""), res.body());
        }
        assertEquals(1, emulator.calls("/oauth2/token"), "one token request for all callers");
        assertEquals(BURST, emulator.calls("/2/tweets"));
    }

    @Test
    @Order(2)
    @OperateOnDeployment("sample")
    void warmBurstOfAsyncRequestsCausesNoTokenRequest() throws Exception {
        int tokens = emulator.calls("/oauth2/token");
        int tweets = emulator.calls("/2/tweets");
        for (HttpResponse<String> res : burst(BURST, "sample", ASYNC)) {
            assertEquals(200, res.statusCode(), res.body());
        }
        assertEquals(tokens, emulator.calls("/oauth2/token"));
        assertEquals(tweets + BURST, emulator.calls("/2/tweets"));
        assertEquals(400, burst(1, "sample", "api/tweets-async?ids=1;DROP").get(0).statusCode());
    }

    @Test
    @Order(3)
    @OperateOnDeployment("cold")
    void failedTokenRequestAtColdStartReachesEveryWaitingRequestThenTheNextRecovers()
            throws Exception {
        emulator.reset();
        emulator.fault("{\"path\":\"/oauth2/token\",\"count\":1,\"status\":503,\"delayMillis\":1000,"
                + "\"contentType\":\"text/html\",\"body\":\"<html>Over capacity</html>\"}");
        for (HttpResponse<String> res : burst(BURST, "async-cold", ASYNC)) {
            assertEquals(502, res.statusCode(), res.body());
            assertTrue(res.body().contains("App-only token request (client 'default') to "), res.body());
            assertTrue(res.body().contains("HTTP 503"), res.body());
            assertFalse(res.body().contains("sample-api-secret"), res.body());
        }
        assertEquals(1, emulator.calls("/oauth2/token"), "one request for all the waiting callers");
        assertEquals(0, emulator.calls("/2/tweets"));

        Thread.sleep(150); // the deployment's backoff (100 ms): wall-clock time on the server, not a token expiry
        assertEquals(200, burst(1, "async-cold", ASYNC).get(0).statusCode());
        assertEquals(2, emulator.calls("/oauth2/token"), "the failure was not cached");
    }

    @Test
    @Order(4)
    @OperateOnDeployment("sample")
    void tokenRequestsRanOnTheContainersManagedExecutor() throws Exception {
        String log = Files.readString(MESSAGES);
        assertTrue(log.contains("run on java:comp/DefaultManagedExecutorService"), "concurrent-3.0 provides it");
        assertFalse(log.contains("No java:comp/DefaultManagedExecutorService"));
    }

    /** {@code n} concurrent GETs of {@code path} of the application {@code app}, all sent before any answer is awaited. */
    private List<HttpResponse<String>> burst(int n, String app, String path) throws Exception {
        URI uri = URI.create("http://localhost:9080/" + app + "/" + path);
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pending.add(http.sendAsync(TestHttp.request(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> p : pending) {
            answers.add(p.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }
}
