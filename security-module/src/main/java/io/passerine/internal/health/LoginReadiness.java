package io.passerine.internal.health;

import io.passerine.internal.config.LoginSettings;
import io.passerine.login.internal.LoginExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness of the X login ({@code passerine-login}): UP when the token endpoint answers
 * (below 500, within the login's timeouts), probed at most once per {@code passerine.health.interval}; UP with
 * {@code login=disabled} in applications without {@code @XLoginMechanismDefinition}.
 */
@Readiness
@ApplicationScoped
public class LoginReadiness implements HealthCheck {

    /** The login settings validated at deployment (none without the X login). */
    @Inject
    LoginExtension login;

    private volatile CachedProbe probe;

    /** Read at startup, on a thread of the application (a health probe's thread may have no java:app context). */
    private volatile String application;

    void start(@Observes Startup startup) {
        application = Probes.applicationName();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("passerine-login");
        if (application != null) {
            b.withData("application", application);
        }
        LoginSettings settings = login.loginSettings().orElse(null);
        if (settings == null) {
            return b.up().withData("login", "disabled").build();
        }
        CachedProbe p = probe;
        if (p == null) {
            p = new CachedProbe(() -> Probes.endpointAnswers(settings.tokenUri(), settings.timeouts()),
                    Clock.systemUTC(), AppOnlyReadiness.interval());
            probe = p;
        }
        CachedProbe.Result r = p.get();
        r.data().forEach(b::withData);
        return b.withData("tokenEndpoint", settings.tokenUri().toString()).status(r.up()).build();
    }
}
