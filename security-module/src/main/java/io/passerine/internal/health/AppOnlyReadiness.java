package io.passerine.internal.health;

import io.passerine.apponly.internal.AppOnlyClients;
import io.passerine.apponly.internal.AppOnlyExtension;
import io.passerine.internal.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness of every app-only client the application injects ({@code passerine-app-only}):
 * UP when each holds a token or can really obtain one; probe results are reused for
 * {@code passerine.health.interval}. Data: per client, UP or the failure kind (never a secret).
 */
@Readiness
@ApplicationScoped
public class AppOnlyReadiness implements HealthCheck {

    @Inject
    AppOnlyExtension extension;

    @Inject
    AppOnlyClients clients;

    private final Map<String, CachedProbe> probes = new ConcurrentHashMap<>();

    /** Read at startup, on a thread of the application (a health probe's thread may have no java:app context). */
    private volatile String application;

    void start(@Observes Startup startup) {
        application = Probes.applicationName();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("passerine-app-only");
        if (application != null) {
            b.withData("application", application);
        }
        boolean up = true;
        for (String name : extension.clientNames()) {
            CachedProbe.Result r = probes.computeIfAbsent(name, n -> new CachedProbe(
                    () -> Probes.appOnly(clients.get(n)), Clock.systemUTC(), interval())).get();
            String client = name.isEmpty() ? "default" : name;
            b.withData(client, r.up() ? "UP" : "DOWN");
            r.data().forEach((k, v) -> b.withData(client + "." + k, v));
            up &= r.up();
        }
        return b.status(up).build();
    }

    static Duration interval() {
        return ConfigReader.of(ConfigProvider.getConfig()).duration("passerine.health.interval", Duration.ofSeconds(30));
    }
}
