package io.passerine.sample.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checklist rows 22–23 on the server: with {@code @XLoginMechanismDefinition}, a missing or malformed
 * {@code passerine.login.*} key fails the deployment naming the key, never the value; and the server log of the
 * login ITs holds no client secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginMissingConfigIT {

    static final Path LOG = Path.of("target/liberty/wlp/usr/servers/passerine/logs/messages.log");

    @Deployment(name = "login-missing", managed = false, testable = false)
    static WebArchive missingClientId() {
        Map<String, String> config = new HashMap<>(LoginDeployments.emulatorConfig());
        config.remove("passerine.login.client-id");
        return LoginDeployments.war("login-missing", config);
    }

    @Deployment(name = "login-malformed", managed = false, testable = false)
    static WebArchive malformedRedirect() {
        Map<String, String> config = new HashMap<>(LoginDeployments.emulatorConfig());
        config.put("passerine.login.redirect-uri", "relative/VALUE-MARKER-42");
        return LoginDeployments.war("login-malformed", config);
    }

    @ArquillianResource
    Deployer deployer;

    private String deployFailing(String name) throws Exception {
        long before = Files.size(LOG);
        assertThrows(Exception.class, () -> deployer.deploy(name));
        try {
            deployer.undeploy(name);
        } catch (RuntimeException alreadyGone) {
            // nothing was deployed
        }
        return Files.readString(LOG).substring((int) before);
    }

    @Test
    void missingClientIdFailsTheDeploymentNamingTheKey() throws Exception {
        String log = deployFailing("login-missing");
        assertTrue(log.contains("Passerine configuration key 'passerine.login.client-id' is missing or blank"), log);
        assertTrue(log.contains("PASSERINE_LOGIN_CLIENT_ID"), log);
    }

    @Test
    void malformedRedirectUriIsNamedButNotShown() throws Exception {
        String log = deployFailing("login-malformed");
        assertTrue(log.contains("'passerine.login.redirect-uri'"), log);
        assertFalse(log.contains("VALUE-MARKER-42"), log);
    }

    @Test
    void serverLogHoldsNoClientSecret() throws Exception {
        String log = Files.readString(LOG);
        assertFalse(log.contains("sample-secret"), "client secret in messages.log");
        assertFalse(log.contains("mock-secret"), "client secret in messages.log");
        assertFalse(log.contains("code_verifier="), "verifier in messages.log");
        assertFalse(log.contains("Bearer "), "token in messages.log");
    }
}
