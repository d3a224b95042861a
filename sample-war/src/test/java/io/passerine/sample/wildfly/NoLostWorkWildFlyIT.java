package io.passerine.sample.wildfly;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.NoLostWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 on WildFly, the sample as deployed by the build: compose text posted while logged out survives the login
 * and the step-up, is shown again once, and is never posted to X by itself ({@link NoLostWork}).
 */
class NoLostWorkWildFlyIT {

    private final EmulatorControl emulator = new EmulatorControl();
    private final NoLostWork flows = new NoLostWork(LoginWildFlyIT.SAMPLE, emulator);

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
