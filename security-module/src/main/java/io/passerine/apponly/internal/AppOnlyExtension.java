package io.passerine.apponly.internal;

import io.passerine.apponly.AppOnly;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates, at deployment, the configuration of every app-only client that is injected somewhere: a missing key
 * fails the deployment with a message naming the key, instead of failing the first request.
 */
public class AppOnlyExtension implements Extension {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Set<String> names = new ConcurrentSkipListSet<>();

    void collect(@Observes ProcessInjectionPoint<?, AppOnlyTokenClient> pip) {
        names.add(nameOf(pip.getInjectionPoint().getQualifiers()));
    }

    void validate(@Observes AfterDeploymentValidation adv) {
        ConfigReader config = ConfigReader.of(ConfigProvider.getConfig());
        try {
            io.passerine.api.internal.ApiSettings.read(config);
        } catch (ConfigurationException e) {
            adv.addDeploymentProblem(e);
        }
        for (String name : names) {
            if (!name.isEmpty() && !NAME.matcher(name).matches()) {
                adv.addDeploymentProblem(new ConfigurationException(AppOnlySettings.prefix(name) + "*",
                        "uses an invalid client name in @AppOnly: use letters, digits, '-' and '_'"));
                continue;
            }
            try {
                AppOnlySettings.read(config, name);
            } catch (ConfigurationException e) {
                adv.addDeploymentProblem(e);
            }
        }
    }

    /** The names of the clients injected somewhere in the application ("" = the default client). */
    public java.util.Set<String> clientNames() {
        return java.util.Collections.unmodifiableSet(names);
    }

    static String nameOf(Set<Annotation> qualifiers) {
        for (Annotation q : qualifiers) {
            if (q instanceof AppOnly a) {
                return a.value();
            }
        }
        return "";
    }
}
