package io.passerine.api.internal;

import io.passerine.ConfigurationException;
import io.passerine.internal.config.ConfigReader;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates the {@code passerine.api.*} keys at deployment (a malformed value fails the deployment naming the key)
 * and keeps the result for {@link ApiCallState}, which builds the API filters' policy from it.
 */
public class ApiExtension implements Extension {

    private volatile ApiSettings settings;

    void validate(@Observes AfterDeploymentValidation adv) {
        load(ConfigReader.of(ConfigProvider.getConfig()), adv::addDeploymentProblem);
    }

    /** Reads and validates {@code passerine.api.*}; a problem goes to {@code problems}. */
    void load(ConfigReader config, Consumer<Throwable> problems) {
        try {
            settings = ApiSettings.read(config);
        } catch (ConfigurationException e) {
            problems.accept(e);
        }
    }

    /** The settings validated at deployment (read now if this extension did not run, e.g. outside CDI). */
    public ApiSettings settings() {
        ApiSettings s = settings;
        if (s == null) {
            s = ApiSettings.read(ConfigReader.of(ConfigProvider.getConfig()));
            settings = s;
        }
        return s;
    }
}
