package io.passerine.sample.apponly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import io.passerine.sample.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link io.passerine.apponly.AppOnlyBearerFilter} on a MicroProfile Rest Client ({@code @RegisterProvider}, Liberty's
 * mpRestClient-3.0) instead of a plain JAX-RS client: one token for many calls, X's quota recorded, a token
 * invalidated elsewhere replaced with exactly one retry, a 429 waited out and a 503 retried — counted at the
 * x-emulator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestClientIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployments.withPasserine("restclient-it.war", AppOnlyIT.CONFIG + """
                x-api/mp-rest/url=%s
                passerine.api.rate-limit.wait=true
                passerine.api.rate-limit.max-wait=10s
                passerine.api.rate-limit.jitter=200ms
                """.formatted(EmulatorControl.BASE_URL),
                XApi.class, RestClientResource.class, RestClientResource.RestClientApplication.class);
    }

    @ArquillianResource
    URL base;

    private final EmulatorControl emulator = new EmulatorControl();

    @BeforeEach
    void noCachedTokenAndAFreshEmulator() throws Exception {
        TestHttp.client().send(TestHttp.request(base.toURI().resolve("api/rc/invalidate"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        emulator.reset();
    }

    @Test
    void restClientCallsCarryOneAppOnlyTokenAndRecordTheQuota() throws Exception {
        emulator.configure("{\"rateLimit\":10}");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> res = get("api/rc/tweets?ids=" + AppOnlyIT.TWEET);
            assertEquals(200, res.statusCode(), res.body());
            assertTrue(res.body().contains("\"id\":\"" + AppOnlyIT.TWEET + "\""), res.body());
        }
        assertEquals(3, emulator.calls("/2/tweets"));
        assertEquals(1, emulator.calls("/oauth2/token"));
        assertEquals("7/10", get("api/rc/remaining").body());
    }

    @Test
    void tokenInvalidatedElsewhereIsReplacedWithOneRetry() throws Exception {
        assertEquals(200, get("api/rc/tweets?ids=" + AppOnlyIT.TWEET).statusCode());
        AppOnlyIT.invalidateElsewhere(emulator);

        HttpResponse<String> res = get("api/rc/tweets?ids=" + AppOnlyIT.TWEET);
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains(AppOnlyIT.TWEET), res.body());
        assertEquals(3, emulator.calls("/2/tweets"), "first call, the 401, and the one retry");
        assertEquals(3, emulator.calls("/oauth2/token"), "the app's first, the other node's, the app's new one");
    }

    @Test
    void apiThatKeepsAnswering401IsRetriedOnlyOnce() throws Exception {
        emulator.fault("/2/tweets", 5, 401, EmulatorControl.UNAUTHORIZED);
        assertEquals("API answered 401", get("api/rc/tweets?ids=" + AppOnlyIT.TWEET).body());
        assertEquals(2, emulator.calls("/2/tweets"));
        assertEquals(2, emulator.calls("/oauth2/token"));
    }

    @Test
    void rateLimitedCallWaitsForTheResetAndIsResentOnce() throws Exception {
        emulator.configure("{\"rateLimit\":1,\"rateLimitWindowSeconds\":2}");
        assertEquals(200, get("api/rc/tweets?ids=" + AppOnlyIT.TWEET).statusCode());
        HttpResponse<String> waited = get("api/rc/tweets?ids=" + AppOnlyIT.TWEET);
        assertEquals(200, waited.statusCode(), waited.body());
        assertTrue(waited.body().contains(AppOnlyIT.TWEET), waited.body());
        assertEquals(3, emulator.calls("/2/tweets"), "the call, its 429, one resend after the reset");
    }

    @Test
    void serverErrorsAreRetriedThenPassedOn() throws Exception {
        assertEquals(200, get("api/rc/tweets?ids=" + AppOnlyIT.TWEET).statusCode());
        emulator.fault("/2/tweets", 1, 503, "{\"title\":\"Service Unavailable\"}");
        assertEquals(200, get("api/rc/tweets?ids=" + AppOnlyIT.TWEET).statusCode());
        assertEquals(3, emulator.calls("/2/tweets"));
        emulator.fault("/2/tweets", 3, 503, "{\"title\":\"Service Unavailable\"}");
        assertEquals("API answered 503", get("api/rc/tweets?ids=" + AppOnlyIT.TWEET).body());
        assertEquals(6, emulator.calls("/2/tweets"), "two retries, then the 503 reaches the Rest Client");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return TestHttp.client().send(TestHttp.request(base.toURI().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
