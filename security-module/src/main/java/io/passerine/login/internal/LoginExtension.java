package io.passerine.login.internal;

import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.GrantSettings;
import io.passerine.ConfigurationException;
import io.passerine.internal.config.LoginSettings;
import io.passerine.login.XLoginMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds the X login mechanism to an application only when one of its classes carries
 * {@link XLoginMechanismDefinition}; then validates every {@code passerine.login.*} key at deployment, so a missing
 * or malformed key fails the deployment with a message naming the key (never its value).
 */
public class LoginExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(LoginExtension.class.getName());

    private volatile boolean enabled;

    <T> void definition(@Observes @WithAnnotations(XLoginMechanismDefinition.class) ProcessAnnotatedType<T> pat) {
        if (pat.getAnnotatedType().isAnnotationPresent(XLoginMechanismDefinition.class)) {
            enabled = true;
        }
    }

    void addBeans(@Observes AfterTypeDiscovery atd) {
        if (!enabled) {
            return;
        }
        atd.addAnnotatedType(XLoginMechanism.class, XLoginMechanism.class.getName())
                .add(ApplicationScoped.Literal.INSTANCE);
        atd.addAnnotatedType(LoginBeans.class, LoginBeans.class.getName()).add(ApplicationScoped.Literal.INSTANCE);
        atd.addAnnotatedType(GrantBeans.class, GrantBeans.class.getName()).add(ApplicationScoped.Literal.INSTANCE); // issue 17
    }

    void validate(@Observes AfterDeploymentValidation adv) {
        if (!enabled) {
            return;
        }
        try {
            LoginSettings settings = LoginSettings.from(ConfigReader.of(ConfigProvider.getConfig()));
            LOG.log(Level.INFO, "Passerine X login enabled: {0}", settings);
            LOG.log(Level.INFO, "Passerine stored grants: {0}", GrantSettings.from( // issue 17
                    ConfigReader.of(ConfigProvider.getConfig()), settings.scopes()));
        } catch (ConfigurationException e) {
            adv.addDeploymentProblem(e);
        }
    }
}
