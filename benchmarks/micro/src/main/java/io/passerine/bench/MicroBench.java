package io.passerine.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Measurement 1: runs {@link TokenClientBenchmark} with JMH and {@code -prof gc}, one result per fork (each fork = one
 * run in a fresh JVM), and prints the medians over the forks and the ratio cached/volatile.
 *
 * <p>Arguments: {@code [forks=5] [warmupIterations=3] [measurementIterations=5] [iterationSeconds=1] [benchmark regex]}
 */
public final class MicroBench {

    public static void main(String[] args) throws Exception {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int wi = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int mi = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int secs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String include = args.length > 4 ? args[4] : TokenClientBenchmark.class.getName();
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(include)
                .forks(forks)
                .warmupIterations(wi).warmupTime(TimeValue.seconds(secs))
                .measurementIterations(mi).measurementTime(TimeValue.seconds(secs))
                .threads(1)
                .addProfiler(GCProfiler.class);
        Collection<RunResult> results = new Runner(opts.build()).run();

        System.out.println();
        System.out.println("Per fork (ns/op, B/op):");
        Map<String, double[]> medians = new java.util.LinkedHashMap<>();
        for (RunResult rr : results) {
            String name = rr.getParams().getBenchmark().replaceAll(".*\\.", "");
            List<Double> ns = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            for (BenchmarkResult br : rr.getBenchmarkResults()) {
                ns.add(br.getPrimaryResult().getScore());
                bytes.add(secondary(br.getSecondaryResults(), "gc.alloc.rate.norm"));
            }
            System.out.println("  " + name + ": " + ns + "  alloc " + bytes);
            medians.put(name, new double[] {median(ns), median(bytes), ns.size()});
        }
        double[] base = medians.get("volatileRead");
        double[] tok = medians.get("cachedToken");
        for (Map.Entry<String, double[]> e : medians.entrySet()) {
            System.out.printf("%-16s median %.3f ns/op, %.3f B/op over %d forks%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1], (int) e.getValue()[2]);
        }
        if (base != null) {
            for (Map.Entry<String, double[]> e : medians.entrySet()) {
                if (e.getKey().equals("volatileRead")) {
                    continue;
                }
                double[] v = e.getValue();
                double ratio = v[0] / base[0];
                String name = e.getKey();
                boolean main = name.equals("cachedToken");
                String label = main ? "1. AppOnlyTokenClient.token() cached"
                        : name.equals("cachedTokenAsync") ? "1d. AppOnlyTokenClient.tokenAsync() cached"
                        : name.equals("clockMillis") ? "1a. diagnostic: Clock.systemUTC().millis() alone"
                        : name.equals("cachedTokenProposedFix") ? "1b. diagnostic: cached path with no-expiry shortcut"
                        : name.equals("cachedTokenProposedFixFlat")
                                ? "1c. diagnostic: 1b + record in a volatile field (no AtomicReference)"
                        : "1. " + name;
                Results.row(label + ", ns/op", Results.fmt(v[0]), Results.fmt(base[0]) + " (volatile read)",
                        Results.ratio(ratio) + "x", main ? "<= 2x" : "-", ratio <= 2.0);
                Results.row(label + ", B/op", Results.fmt(Math.round(v[1])),
                        Results.fmt(Math.round(base[1])) + " (volatile read)", "-", main ? "0 B" : "-",
                        Math.round(v[1]) == 0);
            }
        }
        if (tok == null && base == null) {
            System.out.println("(no baseline in this selection)");
        }
    }

    private static double secondary(Map<String, Result> secondaries, String suffix) {
        for (Map.Entry<String, Result> e : secondaries.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    private static double median(List<Double> xs) {
        return Results.median(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
