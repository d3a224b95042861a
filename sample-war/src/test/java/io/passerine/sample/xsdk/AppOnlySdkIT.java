package io.passerine.sample.xsdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import io.passerine.sample.TestHttp;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
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
 * Passerine's app-only token driving X's official SDK inside Open Liberty ({@link SdkAppResource}): one token request
 * for many SDK calls, a token invalidated elsewhere replaced after X's 401 and the call retried once, a 401 that
 * persists passed on after that one retry. The emulator's counts are the oracle.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AppOnlySdkIT {

    static final String TWEETS = "api/sdk/tweets?ids=" + XSdkContractIT.KNOWN + ",7";

    @Deployment(testable = false)
    static WebArchive app() {
        String config = "passerine.app-only.api-key=sample-api-key\npasserine.app-only.api-secret=sample-api-secret\n"
                + "passerine.app-only.token-uri=" + XEmulator.BASE + "/oauth2/token\n"
                + "passerine.app-only.revoke-uri=" + XEmulator.BASE + "/oauth2/invalidate_token\n"
                + "test.api-base=" + XEmulator.BASE + "\n";
        return SdkJars.addTo(SampleDeployments.withPasserine("xsdk-it.war", config, SdkAppResource.class,
                SdkAppResource.SdkCall.class, SdkAppResource.SdkApplication.class, XSdk.class));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = TestHttp.client();
    private final XEmulator x = new XEmulator();

    @BeforeEach
    void freshEmulatorAndAValidCachedToken() throws Exception {
        x.control.reset(); // forgets every token: a token the app cached earlier gets X's 401 on the next call
        assertEquals("data=" + XSdkContractIT.KNOWN + " errors=1", get(TWEETS));
    }

    @Test
    void manySdkCallsShareOneToken() throws Exception {
        int tokens = x.control.calls("/oauth2/token");
        int calls = x.control.calls("/2/tweets");
        for (int i = 0; i < 3; i++) {
            assertEquals("data=" + XSdkContractIT.KNOWN + " errors=1", get(TWEETS));
        }
        assertEquals(tokens, x.control.calls("/oauth2/token"), "the cached token");
        assertEquals(calls + 3, x.control.calls("/2/tweets"));
    }

    @Test
    void tokenInvalidatedElsewhereIsReplacedAfterXs401AndTheCallRetriedOnce() throws Exception {
        String shared = x.appToken(); // another node gets the app's one token and invalidates it at X
        x.control.postForm("oauth2/invalidate_token", "sample-api-key", "sample-api-secret", "access_token="
                + java.net.URLEncoder.encode(shared, java.nio.charset.StandardCharsets.UTF_8));
        int tokens = x.control.calls("/oauth2/token");
        int calls = x.control.calls("/2/tweets");
        assertEquals("data=" + XSdkContractIT.KNOWN + " errors=1", get(TWEETS));
        assertEquals(calls + 2, x.control.calls("/2/tweets"), "X's 401 and the one retry");
        assertEquals(tokens + 1, x.control.calls("/oauth2/token"), "one new token");
    }

    @Test
    void a401ThatPersistsIsPassedOnAfterOneRetry() throws Exception {
        int calls = x.control.calls("/2/tweets");
        x.control.fault("/2/tweets", 5, 401, EmulatorControl.UNAUTHORIZED);
        assertEquals("ApiException 401 Unauthorized", get(TWEETS), "X's problem, parsed by X's SDK");
        assertEquals(calls + 2, x.control.calls("/2/tweets"));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(TestHttp.request(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
