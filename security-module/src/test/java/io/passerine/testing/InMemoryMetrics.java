package io.passerine.testing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.passerine.api.RateLimit;
import io.passerine.internal.metrics.Metrics;
import io.passerine.internal.metrics.OpenTelemetryMetrics;
import java.util.Map;
import java.util.function.Supplier;

/** A real OpenTelemetry SDK with an in-memory reader: Passerine's metrics as an exporter would see them. */
public final class InMemoryMetrics {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final Metrics metrics;

    public InMemoryMetrics() {
        this(Map::of, java.time.Clock.systemUTC());
    }

    public InMemoryMetrics(Supplier<Map<String, Map<String, RateLimit>>> rateLimits, java.time.Clock clock) {
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();
        metrics = OpenTelemetryMetrics.create(sdk, rateLimits, clock);
    }

    public Metrics metrics() {
        return metrics;
    }

    /**
     * The value of the point of metric {@code name} whose attributes include {@code match} (key, value pairs): a
     * counter's sum, a gauge's value or a histogram's count; 0 when there is none.
     */
    public long value(String name, String... match) {
        Attributes wanted = attributes(match);
        return reader.collectAllMetrics().stream().filter(m -> m.getName().equals(name))
                .flatMap(m -> points(m).stream())
                .filter(p -> wanted.asMap().entrySet().stream()
                        .allMatch(e -> e.getValue().equals(p.getAttributes().get(e.getKey()))))
                .mapToLong(InMemoryMetrics::valueOf).sum();
    }

    private static java.util.Collection<? extends PointData> points(MetricData m) {
        return switch (m.getType()) {
            case LONG_SUM -> m.getLongSumData().getPoints();
            case LONG_GAUGE -> m.getLongGaugeData().getPoints();
            case HISTOGRAM -> m.getHistogramData().getPoints();
            default -> throw new AssertionError("unexpected metric type " + m.getType() + " of " + m.getName());
        };
    }

    private static long valueOf(PointData p) {
        if (p instanceof io.opentelemetry.sdk.metrics.data.LongPointData l) {
            return l.getValue();
        }
        return ((io.opentelemetry.sdk.metrics.data.HistogramPointData) p).getCount();
    }

    private static Attributes attributes(String... pairs) {
        var b = Attributes.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.put(AttributeKey.stringKey(pairs[i]), pairs[i + 1]);
        }
        return b.build();
    }

    /** Every metric name and point, for assertion messages. */
    public String dump() {
        StringBuilder sb = new StringBuilder();
        reader.collectAllMetrics().forEach(m -> sb.append(m.getName()).append(' ').append(points(m)).append('\n'));
        return sb.toString();
    }
}
