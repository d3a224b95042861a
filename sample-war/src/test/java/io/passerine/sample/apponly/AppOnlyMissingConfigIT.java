package io.passerine.sample.apponly;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.SampleDeployments;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deployment that injects the app-only client without its secret fails, naming the missing key. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AppOnlyMissingConfigIT {

    static final Path LOG = Path.of("target/liberty/wlp/usr/servers/passerine/logs/messages.log");

    @Deployment(name = "missing-secret", managed = false, testable = false)
    static WebArchive missingSecret() {
        return SampleDeployments.withPasserine("apponly-missing.war", """
                passerine.app-only.api-key=sample-api-key
                passerine.app-only.second.api-key=sample-api-key
                passerine.app-only.second.api-secret=sample-api-secret
                test.api-base=%s/
                """.formatted(io.passerine.sample.EmulatorControl.BASE_URL),
                TweetsBean.class, ProbeResource.class, ProbeResource.ProbeApplication.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void deploymentFailsNamingTheKey() throws Exception {
        long before = Files.size(LOG);
        assertThrows(Exception.class, () -> deployer.deploy("missing-secret"));
        String log = Files.readString(LOG).substring((int) before);
        assertTrue(log.contains("Passerine configuration key 'passerine.app-only.api-secret' is missing or blank"),
                log);
        assertTrue(log.contains("PASSERINE_APP_ONLY_API_SECRET"), log);
        try {
            deployer.undeploy("missing-secret");
        } catch (RuntimeException alreadyGone) {
            // nothing was deployed
        }
    }
}
