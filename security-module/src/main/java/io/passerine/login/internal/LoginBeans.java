package io.passerine.login.internal;

import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.LoginSettings;
import io.passerine.login.CurrentUser;
import io.passerine.internal.metrics.Telemetry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CDI glue (added as an {@code @ApplicationScoped} bean by {@link LoginExtension} only when the login is enabled):
 * holds the {@link LoginRuntime} built from MicroProfile Config and the application's {@link Clock} (a {@code Clock}
 * bean if the application has exactly one, else the system UTC clock), the {@link GroupSource} of its identity stores,
 * and produces {@link CurrentUser}.
 */
public class LoginBeans {

    @Inject
    Instance<Clock> clocks;

    @Inject
    Telemetry telemetry;

    /** The application's identity stores: those that only provide groups add to an X caller's groups. */
    @Inject
    @Any
    Instance<IdentityStore> identityStores;

    @Inject
    GrantBeans grantBeans; // issue 17

    private volatile GroupSource groupSource;

    private volatile LoginRuntime runtime;

    LoginRuntime runtime() {
        LoginRuntime r = runtime;
        return r != null ? r : build();
    }

    /** Once per application: two runtimes would each keep their own record of used states. */
    private synchronized LoginRuntime build() {
        LoginRuntime r = runtime;
        if (r == null) {
            Clock clock = clocks != null && clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
            ConfigReader config = ConfigReader.of(ConfigProvider.getConfig());
            r = new LoginRuntime(LoginSettings.from(config), clock, ClusterSettings.from(config),
                    telemetry.metrics());
            runtime = r;
        }
        return r;
    }

    /** The application's group-providing identity stores (looked up once; none in unit tests). */
    GroupSource groupSource() {
        GroupSource g = groupSource;
        if (g == null) {
            g = identityStores == null ? GroupSource.NONE : new GroupSource(identityStores);
            groupSource = g;
        }
        return g;
    }

    @Produces
    @RequestScoped
    CurrentUser userTokens(HttpServletRequest request) {
        return new SessionCurrentUser(request, runtime(), grantBeans == null ? null : grantBeans.grants()); // issue 17
    }

    /** The runtime of the current application, or null when it has no {@code @XLoginMechanismDefinition}. */
    public static LoginRuntime current() {
        try {
            Instance<LoginBeans> beans = CDI.current().select(LoginBeans.class);
            return beans.isResolvable() ? beans.get().runtime() : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
