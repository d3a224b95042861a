package io.passerine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: the emulator's control surface is locked. On the emulator's own server (started by the build with the
 * surface on and a secret): no or a wrong secret → 403, a body that is not JSON → 415 (a CORS-simple
 * {@code text/plain} POST plans nothing), JSON with the secret → 200. The shipped WAR deployed as it is (on the test
 * server) → 404; with profile {@code x} → 404 even when enabled; enabled without a secret → the deployment fails,
 * naming the key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ControlSurfaceIT {

    static final String TWEETS = "/2/tweets?ids=1261326399320715264";
    static final String EVIL_FAULT = "{\"path\":\"/2/tweets\",\"count\":5,\"status\":200,"
            + "\"body\":\"<script>alert(1)</script>\",\"contentType\":\"text/html\"}";
    static final Path LOG = Path.of("target/liberty/wlp/usr/servers/passerine/logs/messages.log");

    /** The x-emulator.war as shipped: control surface off. */
    @Deployment(name = "shipped", testable = false)
    static WebArchive shipped() {
        return emulatorWar("x-emulator-shipped.war", "");
    }

    @Deployment(name = "profile-x", testable = false)
    static WebArchive profileX() {
        return emulatorWar("x-emulator-profile-x.war", """
                mp.config.profile=x
                x-emulator.control.enabled=true
                x-emulator.control.secret=a-secret-of-at-least-16-characters
                """);
    }

    @Deployment(name = "no-secret", managed = false, testable = false)
    static WebArchive noSecret() {
        return emulatorWar("x-emulator-no-secret.war", "x-emulator.control.enabled=true\n");
    }

    @ArquillianResource
    Deployer deployer;

    private final HttpClient http = TestHttp.client();
    private final EmulatorControl emulator = new EmulatorControl();

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    @Test
    @OperateOnDeployment("shipped")
    void withoutTheRightSecretEveryCallIsForbidden() throws Exception {
        for (String secret : new String[] {null, "", "wrong-secret-of-some-length", EmulatorControl.secret() + "x"}) {
            assertEquals(403, call("GET", "/_control/stats", null, null, secret).statusCode(), secret);
            assertEquals(403, call("GET", "/_control/issued", null, null, secret).statusCode(), secret);
            HttpResponse<String> res = call("POST", "/_control/faults", "application/json", EVIL_FAULT, secret);
            assertEquals(403, res.statusCode(), secret);
            assertFalse(res.body().contains(EmulatorControl.secret()), res.body());
            assertEquals(403, call("POST", "/_control/reset", "application/json", "", secret).statusCode(), secret);
        }
        assertNothingPlanned();
    }

    @Test
    @OperateOnDeployment("shipped")
    void aCorsSimplePostFromAWebPageIsRefusedAndPlansNothing() throws Exception {
        // what a <form enctype="text/plain"> or fetch(..., {mode: "no-cors"}) on any page can send: no custom header
        HttpResponse<String> res = send(TestHttp.request(URI.create(EmulatorControl.url("/_control/faults")))
                .header("Content-Type", "text/plain;charset=UTF-8").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(EVIL_FAULT)).build());
        assertEquals(403, res.statusCode(), res.body());
        assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertNothingPlanned();
    }

    @Test
    @OperateOnDeployment("shipped")
    void bodiesOtherThanJsonAreRefusedEvenWithTheSecret() throws Exception {
        String secret = EmulatorControl.secret();
        for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", null}) {
            assertEquals(415, call("POST", "/_control/faults", type, EVIL_FAULT, secret).statusCode(), type);
            assertEquals(415, call("POST", "/_control/reset", type, "", secret).statusCode(), type);
            assertEquals(415, call("DELETE", "/_control/faults", type, null, secret).statusCode(), type);
        }
        assertNothingPlanned();
    }

    @Test
    @OperateOnDeployment("shipped")
    void jsonWithTheSecretWorksAndFaultsStayInert() throws Exception {
        String secret = EmulatorControl.secret();
        HttpResponse<String> planned = call("POST", "/_control/faults", "application/json", EVIL_FAULT, secret);
        assertEquals(200, planned.statusCode(), planned.body());
        HttpResponse<String> faulted = send(TestHttp.request(URI.create(EmulatorControl.url(TWEETS))).GET().build());
        assertEquals(200, faulted.statusCode());
        assertEquals("sandbox; default-src 'none'", faulted.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("nosniff", faulted.headers().firstValue("X-Content-Type-Options").orElse(""));

        HttpResponse<String> newPage = call("POST", "/_control/faults", "application/json",
                EVIL_FAULT.replace("/2/tweets", "/evil.html"), secret);
        assertEquals(400, newPage.statusCode(), "a fault cannot add a page: " + newPage.body());
        assertEquals(200, call("GET", "/_control/issued", null, null, secret).statusCode());
        assertEquals(200, call("DELETE", "/_control/faults", "application/json", null, secret).statusCode());
        assertEquals(1, emulator.calls("/2/tweets"), "control calls are not counted");
    }

    @Test
    @OperateOnDeployment("shipped")
    void theShippedWarHasItOff() throws Exception {
        assertOff("x-emulator-shipped");
    }

    @Test
    @OperateOnDeployment("profile-x")
    void profileXKeepsItOffEvenWhenEnabled() throws Exception {
        assertOff("x-emulator-profile-x");
    }

    @Test
    @OperateOnDeployment("shipped")
    void enabledWithoutASecretTheEmulatorRefusesToStart() throws Exception {
        long before = Files.size(LOG);
        assertThrows(Exception.class, () -> deployer.deploy("no-secret"));
        String log = Files.readString(LOG).substring((int) before);
        assertTrue(log.contains("x-emulator.control.enabled=true needs x-emulator.control.secret"), log);
        try {
            deployer.undeploy("no-secret");
        } catch (RuntimeException alreadyGone) {
            // nothing was deployed
        }
    }

    // --- helpers

    /** A deployed copy of the emulator on the test server (9080): its control surface answers 404, secret or not. */
    private void assertOff(String context) throws Exception {
        URI base = URI.create("http://localhost:9080/" + context);
        HttpResponse<String> api = send(TestHttp.request(URI.create(base + TWEETS)).GET().build());
        assertEquals(401, api.statusCode(), "the emulator itself runs: " + api.body());
        for (String path : new String[] {"/_control/stats", "/_control/issued", "/_control/config"}) {
            assertEquals(404, send(TestHttp.request(URI.create(base + path))
                    .header(EmulatorControl.SECRET_HEADER, EmulatorControl.secret()).GET().build()).statusCode(), path);
        }
        HttpResponse<String> fault = send(TestHttp.request(URI.create(base + "/_control/faults"))
                .header(EmulatorControl.SECRET_HEADER, EmulatorControl.secret())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EVIL_FAULT)).build());
        assertEquals(404, fault.statusCode());
        assertEquals(401, send(TestHttp.request(URI.create(base + TWEETS)).GET().build()).statusCode(),
                "no fault was planned");
    }

    /** The real endpoint still answers: a GET without a token is X's 401, not a planted page. */
    private void assertNothingPlanned() throws Exception {
        HttpResponse<String> res = send(TestHttp.request(URI.create(EmulatorControl.url(TWEETS))).GET().build());
        assertEquals(401, res.statusCode(), res.body());
        assertFalse(res.body().contains("<script>"), res.body());
    }

    private HttpResponse<String> call(String method, String path, String contentType, String body, String secret)
            throws Exception {
        HttpRequest.Builder b = TestHttp.request(URI.create(EmulatorControl.url(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (secret != null) {
            b.header(EmulatorControl.SECRET_HEADER, secret);
        }
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The built x-emulator.war under another name, with {@code extraConfig} appended to its properties. */
    private static WebArchive emulatorWar(String name, String extraConfig) {
        File war = new File(System.getProperty("x-emulator.war",
                "target/liberty/wlp/usr/servers/x-emulator/apps/x-emulator.war"));
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name).importFrom(war).as(WebArchive.class);
        String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
        try (var in = archive.get(path).getAsset().openStream()) {
            String config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            archive.delete(path);
            return archive.add(new StringAsset(config + "\n" + extraConfig), path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
