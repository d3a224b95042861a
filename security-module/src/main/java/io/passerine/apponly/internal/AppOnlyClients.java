package io.passerine.apponly.internal;

import io.passerine.apponly.AppOnly;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.internal.cluster.Sealer;
import io.passerine.internal.cluster.SharedCache;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ClusterSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import io.passerine.internal.metrics.Telemetry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link AppOnlyTokenClient} per configured name and application, produced for {@code @Inject}. */
@ApplicationScoped
public class AppOnlyClients {

    private final Map<String, AppOnlyTokenClient> clients = new ConcurrentHashMap<>();

    @Inject
    Telemetry telemetry;

    /** Holds the settings validated at deployment. */
    @Inject
    AppOnlyExtension extension;

    /** Where tokenAsync() fetches run: looked up once, on the first application thread that asks for a client. */
    private volatile AsyncExecution async;

    /**
     * The client named {@code name} ("" for the default), created on first use from the settings validated at
     * deployment ({@link AppOnlyExtension#settings}); its token is shared through a JCache when
     * {@code passerine.app-only.cache=jcache:<name>} is set.
     */
    public AppOnlyTokenClient get(String name) {
        return clients.computeIfAbsent(name, n -> {
            AppOnlySettings settings = extension.settings(n);
            ClusterSettings cluster = extension.cluster();
            SharedCache shared = cluster.appOnlyCache()
                    .map(cache -> SharedCache.open(cache, null, Sealer.of(cluster))).orElse(null);
            return new DefaultAppOnlyTokenClient(settings, Clock.systemUTC(), shared, telemetry.metrics(), async());
        });
    }

    private AsyncExecution async() {
        AsyncExecution a = async;
        if (a == null) {
            a = ManagedAsyncExecution.lookup();
            async = a;
        }
        return a;
    }

    @Produces
    @Default
    AppOnlyTokenClient defaultClient() {
        return get("");
    }

    @Produces
    @AppOnly("")
    AppOnlyTokenClient namedClient(InjectionPoint injectionPoint) {
        return get(AppOnlyExtension.nameOf(injectionPoint.getQualifiers()));
    }
}
