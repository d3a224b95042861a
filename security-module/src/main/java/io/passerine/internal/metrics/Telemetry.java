package io.passerine.internal.metrics;

import io.passerine.api.internal.ApiCallState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * The application's {@link Metrics} (CDI, created at startup): OpenTelemetry's when the server offers an
 * {@code OpenTelemetry} bean whose API the application can see (Open Liberty: {@code mpTelemetry-2.0} and
 * {@code apiTypeVisibility="+third-party"}), else {@link Metrics#NONE}. Whether anything is exported is the server's
 * business ({@code otel.sdk.disabled}, exporters).
 */
@ApplicationScoped
public class Telemetry {

    private static final System.Logger LOG = System.getLogger("io.passerine.metrics");
    private static final String API = "io.opentelemetry.api.OpenTelemetry";

    @Inject
    ApiCallState api;

    private volatile Metrics metrics;

    void start(@Observes Startup startup) {
        metrics();
    }

    public Metrics metrics() {
        Metrics m = metrics;
        return m != null ? m : create();
    }

    private synchronized Metrics create() {
        if (metrics == null) {
            metrics = lookUp();
        }
        return metrics;
    }

    private Metrics lookUp() {
        Class<?> type;
        try {
            type = Class.forName(API, false, Telemetry.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, "Passerine metrics off: the OpenTelemetry API is not visible to the application");
            return Metrics.NONE;
        }
        try {
            Instance<?> bean = CDI.current().select(type);
            if (!bean.isResolvable()) {
                LOG.log(Level.DEBUG, "Passerine metrics off: no OpenTelemetry bean (MicroProfile Telemetry not enabled)");
                return Metrics.NONE;
            }
            Metrics m = OpenTelemetryMetrics.create(bean.get(), () -> api.registry().snapshot(), Clock.systemUTC());
            LOG.log(Level.DEBUG, "Passerine metrics recorded through OpenTelemetry");
            return m;
        } catch (RuntimeException | LinkageError e) { // e.g. an OpenTelemetry API older than 1.32: never fail the app
            LOG.log(Level.WARNING, "Passerine metrics off: the server''s OpenTelemetry could not be used ({0})",
                    e.getClass().getName());
            return Metrics.NONE;
        }
    }

    @PreDestroy
    void stop() {
        if (metrics instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "Closing the metrics failed: {0}", e.getClass().getName());
            }
        }
    }
}
