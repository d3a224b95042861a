package io.passerine.sample.apponly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import io.passerine.sample.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Passerine's readiness checks on Liberty's {@code /health/ready} as the emulator goes down and comes back. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    static final String APP = "http://localhost:9080/health-it/";
    static final URI READY = URI.create("http://localhost:9080/health/ready");

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployments.withPasserine("health-it.war", AppOnlyIT.CONFIG + """
                passerine.health.interval=300ms
                passerine.app-only.retry-backoff-min=10ms
                passerine.app-only.retry-backoff-max=10ms
                """, TweetsBean.class, ProbeResource.class, ProbeResource.ProbeApplication.class);
    }

    private final HttpClient http = TestHttp.client();
    private final EmulatorControl emulator = new EmulatorControl();

    @BeforeEach
    @AfterEach
    void freshEmulator() {
        emulator.reset();
    }

    @Test
    void appOnlyReadinessFollowsTheTokenEndpointWithoutHammeringIt() throws Exception {
        Check up = check("passerine-app-only");
        assertEquals("UP", up.status, up.json);
        assertTrue(up.json.contains("\"application\":\"health-it\""), "which application: " + up.json);
        send(TestHttp.request(URI.create(APP + "api/probe/invalidate")).POST(HttpRequest.BodyPublishers.noBody()).build());
        emulator.reset();
        emulator.fault("/oauth2/token", 100, 503, "{}");
        Thread.sleep(350);
        Check down = check("passerine-app-only");
        assertEquals("DOWN", down.status, down.json);
        assertTrue(down.json.contains("\"default.failure\":\"REJECTED\""), down.json);
        assertTrue(down.json.contains("\"default.httpStatus\":\"503\""), down.json);
        assertFalse(down.json.contains("sample-api-secret"), down.json);
        int probes = emulator.calls("/oauth2/token");
        for (int i = 0; i < 10; i++) {
            check("passerine-app-only");
        }
        assertEquals(probes, emulator.calls("/oauth2/token"), "polling within the interval reuses the result");

        emulator.reset();
        Thread.sleep(350);
        assertEquals("UP", check("passerine-app-only").status);
    }

    @Test
    void loginIsDisabledHereAndTheSamplesLoginCheckIsUp() throws Exception {
        Check login = check("passerine-login");
        assertTrue(login.json.contains("\"login\":\"disabled\""), login.json);
        assertTrue(login.json.contains("\"application\":\"health-it\""), login.json);
    }

    private record Check(String status, String json) {
    }

    private Check check(String name) throws Exception {
        String body = send(TestHttp.request(READY).GET().build()).body();
        Matcher m = Pattern.compile("\\{[^{}]*\"data\":\\{[^{}]*\\}[^{}]*\"name\":\"" + Pattern.quote(name)
                + "\"[^{}]*\\}|\\{[^{}]*\"name\":\"" + Pattern.quote(name) + "\"[^{}]*(\\{[^{}]*\\})?[^{}]*\\}")
                .matcher(body);
        assertTrue(m.find(), "no check " + name + " in " + body);
        Matcher status = Pattern.compile("\"status\":\"(UP|DOWN)\"").matcher(m.group());
        assertTrue(status.find(), m.group());
        return new Check(status.group(1), m.group());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
