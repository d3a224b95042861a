package io.passerine.login.internal;

import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.GrantSettings;
import io.passerine.login.UserGrants;
import io.passerine.login.internal.grants.JndiConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CDI glue of the stored grants (added as an {@code @ApplicationScoped} bean by {@link LoginExtension} with the
 * login): builds {@link StoredGrants} once from MicroProfile Config and produces {@link UserGrants}.
 */
public class GrantBeans {

    @Inject
    LoginBeans beans;

    private volatile StoredGrants grants;

    StoredGrants grants() {
        StoredGrants g = grants;
        return g != null ? g : build();
    }

    private synchronized StoredGrants build() {
        if (grants == null) {
            LoginRuntime rt = beans.runtime();
            GrantSettings settings = GrantSettings.from(ConfigReader.of(ConfigProvider.getConfig()),
                    rt.settings().scopes());
            grants = new StoredGrants(rt, settings, new JndiConnections(settings.dataSource()));
        }
        return grants;
    }

    @Produces
    @ApplicationScoped
    UserGrants userGrants() {
        return grants().api();
    }

    /** The application's stored grants, or null without the login (or outside a CDI-enabled thread). */
    static StoredGrants current() {
        try {
            var beans = CDI.current().select(GrantBeans.class);
            return beans.isResolvable() ? beans.get().grants() : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
