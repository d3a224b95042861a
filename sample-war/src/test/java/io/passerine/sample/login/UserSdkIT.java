package io.passerine.sample.login;

import static io.passerine.sample.login.LoginFlowIT.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.xsdk.SdkJars;
import io.passerine.sample.xsdk.XEmulator;
import io.passerine.sample.xsdk.XSdk;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user token from a Passerine login driving X's official SDK inside Open Liberty ({@link SdkUserResource}), and
 * Passerine refreshing it when due: the SDK's call then carries the new token. Counted at the x-emulator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserSdkIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(LoginDeployments.emulatorConfig());
        config.put("test.api-base", XEmulator.BASE);
        return SdkJars.addTo(LoginDeployments.war("login-it", config).addClasses(SdkUserResource.class, XSdk.class));
    }

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    @Test
    void theLoggedInUsersTokenDrivesTheSdkAndIsRefreshedByPasserine() throws Exception {
        Browser b = new Browser();
        LoginFlowIT.login(b, "/api/sdk-user/me", "sdk_user");
        assertEquals("sdk_user", body(b, "/api/sdk-user/me"));
        assertTrue(body(b, "/api/sdk-user/tweet?id=1261326399320715264").startsWith("Tune in to the @MongoDB"));
        assertEquals(1, Emulator.count(Emulator.TOKEN), "the login's code exchange only");

        Emulator.advanceClock(7300); // the access token (2 h) has expired at X and for the app
        HttpResponse<String> r = new Browser().post(APP + "/test/clock?advanceSeconds=7300", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("sdk_user", body(b, "/api/sdk-user/me"));
        assertEquals(2, Emulator.count(Emulator.TOKEN), "one refresh by Passerine, none by the SDK");
        assertEquals(3, Emulator.count(Emulator.ME), "the login's userinfo call and the SDK's two");
    }

    private static String body(Browser b, String path) throws Exception {
        HttpResponse<String> res = b.get(APP + path);
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }
}
