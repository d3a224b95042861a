package io.passerine.emulator;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment, naming the keys, when the control surface is enabled without a usable secret: the emulator
 * refuses to start rather than run with an open control surface.
 */
public class ControlConfigCheck implements Extension {

    void check(@Observes AfterDeploymentValidation validation) {
        try {
            ConfiguredEmulator.controlGuard(ConfigProvider.getConfig(ControlConfigCheck.class.getClassLoader()));
        } catch (IllegalStateException e) {
            validation.addDeploymentProblem(e);
        }
    }
}
