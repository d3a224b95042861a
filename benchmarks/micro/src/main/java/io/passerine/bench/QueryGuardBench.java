package io.passerine.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Measurement 1d (issue 13 item 2): runs {@link QueryGuardBenchmark}: the guard in average-time mode over
 * {@code forks} forks, the two parsers of the hostile query as single shots (Nimbus' one takes about a minute per
 * shot at 100,000 repeats, so it gets one fork and one shot).
 *
 * <p>Arguments: {@code [forks=5] [warmupIterations=3] [measurementIterations=5] [iterationSeconds=1] [repeats=100000]}
 */
public final class QueryGuardBench {

    public static void main(String[] args) throws Exception {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int wi = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int mi = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int secs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String repeats = args.length > 4 ? args[4] : "100000";
        String b = QueryGuardBenchmark.class.getName();
        double guard = median(new Runner(new OptionsBuilder().include(b + ".guardHostile$").param("repeats", repeats)
                .forks(forks).warmupIterations(wi).warmupTime(TimeValue.seconds(secs)).measurementIterations(mi)
                .measurementTime(TimeValue.seconds(secs)).build()).run());
        double worst = median(new Runner(new OptionsBuilder().include(b + ".guardWorstCase$").param("repeats", "1")
                .forks(forks).warmupIterations(wi).warmupTime(TimeValue.seconds(secs)).measurementIterations(mi)
                .measurementTime(TimeValue.seconds(secs)).build()).run());
        double callback = median(new Runner(new OptionsBuilder().include(b + ".guardAndParseCallback$")
                .param("repeats", "1").forks(forks).warmupIterations(wi).warmupTime(TimeValue.seconds(secs))
                .measurementIterations(mi).measurementTime(TimeValue.seconds(secs)).build()).run());
        double linear = median(new Runner(new OptionsBuilder().include(b + ".parseHostileLinear$")
                .param("repeats", repeats).forks(forks).warmupIterations(3).measurementIterations(5).build()).run());
        double nimbus = median(new Runner(new OptionsBuilder().include(b + ".parseHostileNimbus$")
                .param("repeats", repeats).forks(1).warmupIterations(0).measurementIterations(1).build()).run());
        System.out.println();
        String q = "hostile query (a=1& x " + repeats + ")";
        Results.row("1d. query guard on a " + q + ", ns", Results.fmt(guard),
                Results.fmt(nimbus) + " (Nimbus URLUtils parse, before)", Results.ratio(guard / nimbus) + "x",
                "<= 0.001x", guard / nimbus <= 0.001);
        Results.row("1d. the same query parsed linearly (limits lifted), ns", Results.fmt(linear),
                Results.fmt(nimbus) + " (Nimbus URLUtils parse)", Results.ratio(linear / nimbus) + "x", "-", true);
        Results.row("1d. guard worst case (4096 chars scanned), ns", Results.fmt(worst), "-", "-", "-", true);
        Results.row("1d. guard + parse of a real callback, ns", Results.fmt(callback), "-", "-", "-", true);
    }

    /** The median of the per-fork (or per-shot) scores, in ns. */
    private static double median(java.util.Collection<RunResult> results) {
        List<Double> scores = new ArrayList<>();
        for (RunResult rr : results) {
            for (BenchmarkResult br : rr.getBenchmarkResults()) {
                scores.add(br.getPrimaryResult().getScore());
            }
        }
        return Results.median(scores.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
