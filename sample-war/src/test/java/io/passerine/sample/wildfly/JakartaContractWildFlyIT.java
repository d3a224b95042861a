package io.passerine.sample.wildfly;

import io.passerine.sample.JakartaContractCases;
import java.nio.file.Path;
import java.util.List;

/** {@link JakartaContractCases} on WildFly, the sample as built (deployed by the build, reached over HTTP). */
class JakartaContractWildFlyIT extends JakartaContractCases {

    @Override
    protected String sample() {
        return LoginWildFlyIT.SAMPLE;
    }

    @Override
    protected Path serverLog() {
        return Path.of(System.getProperty("wildfly.log",
                "target/wildfly/wildfly-39.0.1.Final/standalone/log/server.log"));
    }

    /** Undertow's "response already committed" (UT010019) and a failed JASPI flow (ELY01177). */
    @Override
    protected List<String> rewriteWarnings() {
        return List.of("UT010019", "ELY01177", "UT005023");
    }

    @Override
    protected boolean keepsChallengeBodyOfProtectedServlets() {
        return false;
    }
}
