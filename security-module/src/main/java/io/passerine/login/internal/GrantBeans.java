package io.passerine.login.internal;

import io.passerine.internal.metrics.Telemetry;
import io.passerine.internal.config.GrantSettings;
import io.passerine.login.UserGrants;
import io.passerine.login.internal.grants.JndiConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

/**
 * CDI glue of the stored grants (added as an {@code @ApplicationScoped} bean by {@link LoginExtension} with the
 * login): builds {@link StoredGrants} once from the settings {@link LoginExtension} validated and produces
 * {@link UserGrants}.
 */
public class GrantBeans {

    @Inject
    LoginBeans beans;

    @Inject
    LoginExtension extension;

    @Inject
    Telemetry telemetry;

    private volatile StoredGrants grants;

    StoredGrants grants() {
        StoredGrants g = grants;
        return g != null ? g : build();
    }

    private synchronized StoredGrants build() {
        if (grants == null) {
            GrantSettings settings = extension.grants();
            grants = new StoredGrants(beans.assembly(), telemetry.metrics(), settings,
                    new JndiConnections(settings.dataSource()));
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
