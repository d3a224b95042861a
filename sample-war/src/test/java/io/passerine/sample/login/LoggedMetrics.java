package io.passerine.sample.login;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test server's messages.log, and the metrics an OpenTelemetry SDK printed into the server's messages.log through its {@code logging} exporter
 * ({@code metric: ImmutableMetricData{... name=passerine.x, ... points=[...]}}): the last export of each Passerine
 * metric written after {@link #mark()}.
 */
final class LoggedMetrics {

    static final Path MESSAGES = Path.of("target/liberty/wlp/usr/servers/passerine/logs/messages.log");
    private static final Pattern NAME = Pattern.compile("metric: ImmutableMetricData\\{.*?, name=(passerine\\.[a-z_.]+),");
    private static final Pattern VALUE = Pattern.compile("[ ,{](?:value|count|getCount)=(-?\\d+)");

    private final Map<String, String> lastLine = new HashMap<>();

    private LoggedMetrics() {
    }

    /** Where messages.log ends now: later reads only see what was exported after this point. */
    static long mark() {
        return MESSAGES.toFile().length();
    }

    static LoggedMetrics since(long offset) throws IOException {
        LoggedMetrics m = new LoggedMetrics();
        for (String line : messagesSince(offset).split("\n")) {
            Matcher name = NAME.matcher(line);
            if (name.find()) {
                m.lastLine.put(name.group(1), line);
            }
        }
        return m;
    }

    /** What messages.log received after {@code offset} (see {@link #mark()}). */
    static String messagesSince(long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(MESSAGES.toFile(), "r")) {
            f.seek(Math.min(offset, f.length()));
            byte[] rest = new byte[(int) (f.length() - f.getFilePointer())];
            f.readFully(rest);
            return new String(rest, StandardCharsets.UTF_8);
        }
    }

    /**
     * The sum of the values (counters, gauges) or counts (histograms) of the points of {@code metric} whose
     * attributes include every {@code key, value} pair given; 0 when the metric was not exported.
     */
    long value(String metric, String... match) {
        String line = lastLine.get(metric);
        if (line == null) {
            return 0;
        }
        long total = 0;
        String[] points = line.substring(Math.max(0, line.indexOf("points=[")))
                .split("(?:attributes|getAttributes)=\\{");
        for (int i = 1; i < points.length; i++) { // each: the point's attributes, then its other fields (histogram
            // points print their getters: getAttributes=, getCount=)
            String attributes = points[i].substring(0, points[i].indexOf('}'));
            Matcher value = VALUE.matcher(points[i].substring(attributes.length()));
            boolean all = value.find();
            for (int k = 0; k < match.length; k += 2) {
                all &= attributes.matches(".*\\b" + Pattern.quote(match[k]) + "=\"?" + Pattern.quote(match[k + 1])
                        + "\"?(,.*|)");
            }
            if (all) {
                total += Long.parseLong(value.group(1));
            }
        }
        return total;
    }

    /** messages.log after {@code offset} once it holds {@code text} (at most 10 s; then it fails). */
    static String awaitMessage(long offset, String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        String log = messagesSince(offset);
        while (!log.contains(text) && System.nanoTime() < end) {
            Thread.sleep(100);
            log = messagesSince(offset);
        }
        if (!log.contains(text)) {
            throw new AssertionError("'" + text + "' not logged within 10 s: " + log);
        }
        return log;
    }

    /** The exported lines, for assertion messages and the secret check. */
    String text() {
        return String.join("\n", lastLine.values());
    }
}
