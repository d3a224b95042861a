package io.passerine.sample.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The unchanged sample.war on WildFly 39 (started, configured by server-config/wildfly/configure.cli and deployed by
 * the build's wildfly profile), over HTTP at {@code -Dwildfly.base.url} (default http://localhost:8080), with the
 * x-emulator in its own server ({@link EmulatorControl#BASE}).
 */
class SampleWildFlyIT {

    static final URI BASE = URI.create(System.getProperty("wildfly.base.url", "http://localhost:8080") + "/");

    private final HttpClient http = TestHttp.client();

    @Test
    void homePageIsPublic() throws Exception {
        HttpResponse<String> res = get("sample/");
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("<h1>Passerine sample</h1>"), res.body());
    }

    @Test
    void aboutEndpointAnswersJson() throws Exception {
        HttpResponse<String> res = get("sample/api/about");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                res.headers().toString());
        assertEquals("{\"module\":\"passerine-security\",\"name\":\"Passerine sample\"}", res.body());
    }

    @Test
    void emulatorIsNotDeployedOnWildFly() throws Exception {
        assertEquals(404, get("x-emulator/_control/stats").statusCode());
        assertEquals(404, get("oauth2/token").statusCode());
    }

    @Test
    void asyncTweetsComeThroughTokenAsyncAndTheRxClient() throws Exception {
        HttpResponse<String> res = get("sample/api/tweets-async?ids=1261326399320715264");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"id\":\"1261326399320715264\""), res.body());
        assertEquals(400, get("sample/api/tweets-async?ids=1;DROP").statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestHttp.request(BASE.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
