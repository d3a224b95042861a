package io.passerine.sample.login;

import static io.passerine.sample.login.LoginFlowIT.APP;
import static io.passerine.sample.login.LoginFlowIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17: without stored grants, a session that ends (here invalidated by the app, as a timeout does) revokes its
 * tokens at X, so no refresh token ({@code offline.access}) stays valid there for months. Failed before issue 17:
 * the emulator received no revocation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionEndRevokesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LoginDeployments.war("login-it", LoginDeployments.emulatorConfig()).addClass(GrantsProbe.class);
    }

    @BeforeEach
    void reset() throws Exception {
        Emulator.reset();
    }

    @Test
    void aSessionThatEndsRevokesItsRefreshToken() throws Exception {
        Browser b = new Browser();
        login(b, "/me", "kim");
        assertEquals(0, Emulator.count(Emulator.REVOKE));
        assertEquals(200, b.post(APP + "/test/grants/end-session", Map.of()).statusCode());
        assertEquals(2, Emulator.count(Emulator.REVOKE), "refresh token, then access token");
    }
}
