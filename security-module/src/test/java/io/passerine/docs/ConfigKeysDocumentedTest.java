package io.passerine.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference cannot go stale: every {@code passerine.*} key the library's main code can read has a
 * row in {@code docs/configuration.md}, every key there is still read (or marked deprecated), and every key the sample
 * and the benchmark apps set is one the library reads. Metric and attribute names, which share the prefix, must be in
 * the metrics table of {@code docs/operations.md} instead.
 */
class ConfigKeysDocumentedTest {

    private static final Pattern TICKED = Pattern.compile("`(passerine\\.[^`\\s]+)`");
    private static final Path ROOT = root();
    private static final Map<String, String> CODE =
            new ConfigKeyScanner(ROOT.resolve("security-module/src/main/java")).keys();

    @Test
    void everyKeyTheLibraryReadsHasARowInTheConfigurationReference() throws IOException {
        Set<String> documented = configurationKeys(false);
        Set<String> metrics = metricNames();
        List<String> missing = new ArrayList<>();
        CODE.forEach((key, where) -> {
            if (!metrics.contains(key) && documented.stream().noneMatch(d -> matches(d, key))) {
                missing.add(key + " (read at " + where + ")");
            }
        });
        assertEquals(List.of(), missing,
                "keys the code reads but docs/configuration.md has no row for (metrics: docs/operations.md)");
    }

    @Test
    void everyKeyInTheReferenceIsStillReadUnlessMarkedDeprecated() throws IOException {
        Set<String> stale = new TreeSet<>(configurationKeys(true));
        stale.removeIf(d -> CODE.keySet().stream().anyMatch(key -> matches(d, key)));
        assertEquals(Set.of(), stale, "keys docs/configuration.md lists that the code no longer reads "
                + "(remove the row, or mark the key deprecated in its cell)");
    }

    @Test
    void everyMetricNameInTheCodeIsInTheOperationsMetricsTable() throws IOException {
        Set<String> metrics = metricNames();
        Set<String> documented = configurationKeys(false);
        assertTrue(metrics.size() >= 10, "docs/operations.md lists the metrics in a table starting '| metric |'");
        Set<String> unread = new TreeSet<>(metrics);
        unread.removeAll(CODE.keySet());
        assertEquals(Set.of(), unread, "metric names in docs/operations.md that the code no longer uses");
        assertTrue(documented.stream().noneMatch(metrics::contains), "a name is both a key and a metric");
    }

    @Test
    void everyKeyTheSampleAndTheBenchmarksSetIsOneTheLibraryReads() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(ROOT.resolve("sample-war/src")),
                Files.walk(ROOT.resolve("benchmarks")))) {
            files = walk.filter(p -> p.getFileName().toString().equals("microprofile-config.properties"))
                    .filter(p -> !p.toString().contains("/target/")).toList();
        }
        assertTrue(!files.isEmpty(), "the sample's META-INF/microprofile-config.properties");
        List<String> unknown = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String key = line.strip().replaceFirst("^%[^.]+\\.", "").split("[=:\\s]", 2)[0];
                if (key.startsWith("passerine.") && CODE.keySet().stream().noneMatch(c -> matches(c, key))) {
                    unknown.add(key + " (set in " + ROOT.relativize(file) + ")");
                }
            }
        }
        assertEquals(List.of(), unknown, "keys set in configuration files that the library never reads");
    }

    /**
     * The backticked {@code passerine.*} names in the first cell of each table row of docs/configuration.md; with
     * {@code liveOnly}, leaving out those in a cell that says "deprecated".
     */
    static Set<String> configurationKeys(boolean liveOnly) throws IOException {
        Path doc = ROOT.resolve("docs/configuration.md");
        assertTrue(Files.exists(doc), "docs/configuration.md, the configuration-key reference, is missing");
        Set<String> keys = new LinkedHashSet<>();
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("|")) {
                String cell = line.split("(?<!\\\\)\\|", 3)[1];
                if (!(liveOnly && cell.toLowerCase().contains("deprecated"))) {
                    Matcher m = TICKED.matcher(cell);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    /** Names in the first two columns of the table of docs/operations.md whose header starts {@code | metric |}. */
    static Set<String> metricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(ROOT.resolve("docs/operations.md"))) {
            inTable = line.startsWith("| metric |") || inTable && line.startsWith("|");
            if (inTable) {
                String[] cells = line.split("(?<!\\\\)\\|");
                for (int i = 1; i < Math.min(cells.length, 4); i++) {
                    Matcher m = TICKED.matcher(cells[i]);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** A documented key matches a code key exactly, or with each {@code <placeholder>} standing for one segment. */
    static boolean matches(String pattern, String key) {
        if (!pattern.contains("<")) {
            return pattern.equals(key);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("<[^>.]+>", -1)) {
            regex.append(Pattern.quote(part)).append("[^.]+");
        }
        return key.matches(regex.substring(0, regex.length() - "[^.]+".length()));
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("security-module/src/main/java"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the Passerine checkout");
        }
        return dir;
    }
}
