package io.passerine.sample.login;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.NoLostWork;
import io.passerine.sample.SampleDeployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 on Open Liberty, the sample as built: compose text posted while logged out survives the login and the
 * step-up, is shown again once, and is never posted to X by itself ({@link NoLostWork}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoLostWorkIT {

    private final EmulatorControl emulator = new EmulatorControl();
    private final NoLostWork flows = new NoLostWork(SampleFlowIT.SAMPLE, emulator);

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    @Test
    void anonymousPostComesBackAfterLoginAndStepUpNeverPosted() throws Exception {
        flows.anonymousPostComesBackAfterLoginAndStepUpNeverPosted();
    }

    @Test
    void savedTextIsGoneAfterTheFirstGet() throws Exception {
        flows.savedTextIsGoneAfterTheFirstGet();
    }

    @Test
    void crossSitePostKeepsNothing() throws Exception {
        flows.crossSitePostKeepsNothing();
    }

    @Test
    void oversizedBodyKeepsNothingAndStillLogsIn() throws Exception {
        flows.oversizedBodyKeepsNothingAndStillLogsIn();
    }
}
