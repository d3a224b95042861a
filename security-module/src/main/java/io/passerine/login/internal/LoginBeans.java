package io.passerine.login.internal;

import io.passerine.internal.config.ApiDetection;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.metrics.Telemetry;
import io.passerine.login.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;

/**
 * CDI glue (added as an {@code @ApplicationScoped} bean by {@link LoginExtension} only when the login is enabled):
 * builds the application's {@link LoginAssembly} once, from the settings {@link LoginExtension} validated at
 * deployment, the application's {@link Clock} (a {@code Clock} bean if the application has exactly one, else the
 * system UTC clock) and the {@link GroupSource} of its identity stores; produces {@link CurrentUser}.
 */
public class LoginBeans {

    @Inject
    LoginExtension extension;

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

    private volatile LoginAssembly assembly;

    /** The application's login, built on first use. */
    LoginAssembly assembly() {
        LoginAssembly a = assembly;
        return a != null ? a : build();
    }

    /** Once per application: two assemblies would each keep their own record of used states. */
    private synchronized LoginAssembly build() {
        LoginAssembly a = assembly;
        if (a == null) {
            Clock clock = clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
            a = LoginAssembly.of(extension.settings(), extension.cluster(), clock, telemetry.metrics(),
                    new GroupSource(identityStores));
            assembly = a;
        }
        return a;
    }

    /** The validated settings (a method: the static helpers below hold the client proxy, whose fields are empty). */
    LoginSettings settings() {
        return extension.settings();
    }

    @Produces
    @RequestScoped
    CurrentUser currentUser(HttpServletRequest request) {
        LoginAssembly a = assembly();
        return new SessionCurrentUser(request, a.clock(), a.settings().refreshSkew(), grants()::refresher);
    }

    /** The application's stored grants (issue 17; {@link StoredGrants} without the store when it is off). */
    StoredGrants grants() {
        return grantBeans.grants();
    }

    /** Whether the current application has the X login ({@code @XLoginMechanismDefinition}). */
    static boolean enabled() {
        return current().isPresent();
    }

    /** The current application's rules for telling API requests from navigations; all signals without a login. */
    static ApiDetection apiDetection() {
        return current().map(b -> b.settings().apiDetection()).orElse(ApiDetection.ALL);
    }

    /** The current application's kept forms (issue 20), if it has the X login. */
    public static Optional<SavedForms> forms() {
        return current().map(b -> b.assembly().forms());
    }

    private static Optional<LoginBeans> current() {
        try {
            Instance<LoginBeans> beans = CDI.current().select(LoginBeans.class);
            return beans.isResolvable() ? Optional.of(beans.get()) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
