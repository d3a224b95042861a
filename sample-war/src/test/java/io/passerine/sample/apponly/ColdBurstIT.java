package io.passerine.sample.apponly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: a burst of {@value #BURST} concurrent {@code /sample/api/tweets} requests on a freshly deployed sample
 * (empty app-only token cache) all get 200 and cost the provider exactly one token request; a second burst on the warm
 * server costs none. With the emulator inside the sample's server (before issue 14) the single token request queued
 * behind the very requests waiting for it, and the burst failed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ColdBurstIT {

    static final int BURST = 200;
    static final String IDS = "1261326399320715264,1278347468690915330";

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    @ArquillianResource
    URL base;

    private final EmulatorControl emulator = new EmulatorControl();

    @Test
    void coldThenWarmBurstEachGet200WithOneTokenRequestInAll() throws Exception {
        emulator.reset();
        emulator.configure("{\"rateLimit\":" + 10 * BURST + "}"); // X's 300 per window would 429 the second burst
        URI tweets = base.toURI().resolve("api/tweets?ids=" + IDS);

        assertEquals(Map.of(200, BURST), burst(tweets, "cold"), "cold burst: status → count");
        assertEquals(1, emulator.calls("/oauth2/token"), "cold burst: one app-only token request");
        assertEquals(BURST, emulator.calls("/2/tweets"));

        assertEquals(Map.of(200, BURST), burst(tweets, "warm"), "warm burst: status → count");
        assertEquals(1, emulator.calls("/oauth2/token"), "warm burst: no new token request");
        assertEquals(2 * BURST, emulator.calls("/2/tweets"));
    }

    /** {@value #BURST} GETs at once, each on its own connection; status → how many (-1: failed or timed out). */
    private static Map<Integer, Integer> burst(URI uri, String what) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // h2c upgrade stalls
                    .connectTimeout(Duration.ofSeconds(20)).executor(pool).build();
            HttpRequest get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                answers.add(http.sendAsync(get, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode).exceptionally(e -> -1));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            Map<Integer, Integer> byStatus = new TreeMap<>();
            answers.forEach(a -> byStatus.merge(a.join(), 1, Integer::sum));
            System.out.printf("%s burst of %d: %s in %d ms%n", what, BURST, byStatus,
                    (System.nanoTime() - start) / 1_000_000);
            return byStatus;
        } finally {
            pool.shutdownNow();
        }
    }
}
