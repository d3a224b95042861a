package io.passerine.sample.apponly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import io.passerine.sample.SampleLogin;
import io.passerine.sample.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * X's rate limits and 5xx answers through the Passerine API filter on Liberty, against the x-emulator: the sample
 * (fail fast, the default) and a deployment configured to wait for the window's reset.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

    static final String TWEETS = "api/tweets?ids=" + AppOnlyIT.TWEET;

    @Deployment(name = "sample", testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    @Deployment(name = "waiting", testable = false)
    static WebArchive waiting() {
        return SampleDeployments.withPasserine("ratelimit-wait-it.war", AppOnlyIT.CONFIG + """
                passerine.api.rate-limit.wait=true
                passerine.api.rate-limit.max-wait=10s
                passerine.api.rate-limit.jitter=200ms
                """, TweetsBean.class, ProbeResource.class, ProbeResource.ProbeApplication.class);
    }

    private final HttpClient http = TestHttp.client();
    private final EmulatorControl emulator = new EmulatorControl();

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    @Test
    @OperateOnDeployment("sample")
    void exhaustedWindowFailsFastWithTheResetAndTheQuotaIsVisible() throws Exception {
        emulator.configure("{\"rateLimit\":2}");
        assertEquals(200, get("sample", TWEETS).statusCode());
        assertEquals(200, get("sample", TWEETS).statusCode());
        HttpResponse<String> limited = get("sample", TWEETS);
        assertEquals(429, limited.statusCode(), limited.body());
        assertTrue(limited.body().contains("rate limit exceeded (HTTP 429); the window resets at"), limited.body());
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertEquals(3, emulator.calls("/2/tweets"), "failed fast: no retry");

        String limits = new SampleLogin("quota_watcher").get("http://localhost:9080/sample/api/limits").body();
        assertTrue(limits.contains("\"app-only\":{\"GET /2/tweets\":{\"limit\":2,\"remaining\":0,"), limits);
    }

    @Test
    @OperateOnDeployment("waiting")
    void configuredToWaitItRetriesOnceAfterTheReset() throws Exception {
        emulator.configure("{\"rateLimit\":1,\"rateLimitWindowSeconds\":2}");
        assertEquals(200, get("ratelimit-wait-it", "api/probe/tweets?ids=" + AppOnlyIT.TWEET).statusCode());
        long start = System.nanoTime();
        HttpResponse<String> waited = get("ratelimit-wait-it", "api/probe/tweets?ids=" + AppOnlyIT.TWEET);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, waited.statusCode(), waited.body());
        assertEquals(3, emulator.calls("/2/tweets"), "the call, its 429, one retry after the reset");
        assertTrue(millis >= 500, "waited for the window (" + millis + " ms)");
    }

    @Test
    @OperateOnDeployment("sample")
    void serverErrorOnAnIdempotentCallIsRetried() throws Exception {
        assertEquals(200, get("sample", TWEETS).statusCode()); // a token the fresh emulator knows
        int before = emulator.calls("/2/tweets");
        emulator.fault("/2/tweets", 1, 503, "{\"title\":\"Service Unavailable\"}");
        assertEquals(200, get("sample", TWEETS).statusCode());
        assertEquals(before + 2, emulator.calls("/2/tweets"));
        emulator.fault("/2/tweets", 3, 503, "{\"title\":\"Service Unavailable\"}");
        HttpResponse<String> res = get("sample", TWEETS);
        assertEquals(503, res.statusCode(), "after the configured 2 retries the 503 is passed on");
        assertEquals(before + 5, emulator.calls("/2/tweets"));
    }

    private HttpResponse<String> get(String app, String path) throws Exception {
        return http.send(TestHttp.request(URI.create("http://localhost:9080/" + app + "/" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
