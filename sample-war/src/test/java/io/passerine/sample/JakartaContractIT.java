package io.passerine.sample;

import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JakartaContractCases} on Open Liberty, the sample as built (Arquillian). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JakartaContractIT extends JakartaContractCases {

    @Deployment(testable = false)
    static WebArchive sampleWar() {
        return SampleDeployments.builtSample();
    }

    @Override
    protected String sample() {
        return "http://localhost:9080/sample";
    }

    @Override
    protected Path serverLog() {
        return Path.of("target/liberty/wlp/usr/servers/passerine/logs/messages.log");
    }

    /** SRVE8115W/SRVE8094W: Liberty changed status or headers of a committed response (its own 401 challenge). */
    @Override
    protected List<String> rewriteWarnings() {
        return List.of("SRVE8115W", "SRVE8094W", "SRVE8114W");
    }

    @Override
    protected boolean keepsChallengeBodyOfProtectedServlets() {
        return true;
    }
}
