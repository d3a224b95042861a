package io.passerine.login.internal;

import io.passerine.internal.config.GrantSettings;
import io.passerine.ConfigurationException;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.ConfigReader;
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
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds the X login mechanism to an application only when one of its classes carries
 * {@link XLoginMechanismDefinition}; then reads and validates every {@code passerine.login.*} key and the cluster
 * keys once, at deployment, so a missing or malformed key fails the deployment with a message naming the key (never
 * its value). The beans get the validated settings from here ({@link LoginBeans}; an extension is injectable),
 * never from MicroProfile Config again.
 */
public class LoginExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(LoginExtension.class.getName());

    private volatile boolean enabled;
    private volatile LoginSettings settings;
    private volatile ClusterSettings cluster;
    private volatile GrantSettings grants;

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
        atd.addAnnotatedType(GrantBeans.class, GrantBeans.class.getName()).add(ApplicationScoped.Literal.INSTANCE);
    }

    void validate(@Observes AfterDeploymentValidation adv) {
        if (!enabled) {
            return;
        }
        try {
            ConfigReader config = ConfigReader.of(ConfigProvider.getConfig());
            LoginSettings login = LoginSettings.from(config);
            cluster = ClusterSettings.from(config);
            grants = GrantSettings.from(config, login.scopes()); // issue 17
            settings = login;
            LOG.log(Level.INFO, "Passerine X login enabled: {0}; stored grants: {1}", login, grants);
        } catch (ConfigurationException e) {
            adv.addDeploymentProblem(e);
        }
    }

    /** The login settings validated at deployment, when the application has the X login. */
    public Optional<LoginSettings> loginSettings() {
        return Optional.ofNullable(settings);
    }

    /** @throws IllegalStateException in an application without the X login (no login bean asks then) */
    LoginSettings settings() {
        return loginSettings().orElseThrow(() -> new IllegalStateException("The X login is not enabled"));
    }

    /** The stored-grant settings (issue 17) validated at deployment with the login settings. */
    GrantSettings grants() {
        GrantSettings g = grants;
        if (g == null) {
            throw new IllegalStateException("The X login is not enabled");
        }
        return g;
    }

    /** The cluster settings validated at deployment with the login settings. */
    ClusterSettings cluster() {
        ClusterSettings c = cluster;
        if (c == null) {
            throw new IllegalStateException("The X login is not enabled");
        }
        return c;
    }
}
