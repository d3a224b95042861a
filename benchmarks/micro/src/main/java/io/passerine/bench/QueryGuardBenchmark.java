package io.passerine.bench;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.login.internal.QueryGuard;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 13 item 2: what a hostile callback query ({@code a=1&} repeated) costs with and without the query guard.
 * {@code guard*} run in average-time mode (ns/op); the {@code parse*} methods are slow enough for single shots
 * ({@link QueryGuardBench} chooses the modes).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryGuardBenchmark {

    /** How often the hostile query repeats {@code a=1&}. */
    @Param({"100000"})
    public int repeats;

    private String hostile;
    private String callback;
    private QueryGuard guard;
    private QueryGuard unlimited;

    @Setup
    public void setUp() {
        hostile = "code=c&state=s&" + "a=1&".repeat(repeats);
        callback = "state=Qk5nSXlmb0dpT1dLR0p6bFRQWm9yU2ZxQ0Jqd3lOZGtPZWRnUGdkR2dRZw&code=VGNibzlPb0lSNWxjS0ZwV1h"
                + "mT3RGZ0JjNEZXeUt1LWxUcE55dmdFV2V6OjE3MzA1NTkzODg4NDQ6MToxOmFjOjE";
        guard = new QueryGuard(4096, 16);
        unlimited = new QueryGuard(Integer.MAX_VALUE, Integer.MAX_VALUE);
        if ((repeats > 1000 && guard.refusal(hostile) == null) || guard.refusal(callback) != null) {
            throw new IllegalStateException("the guard does not do what the benchmark assumes");
        }
    }

    /** The shipped guard on the hostile query: refused at the length check. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public String guardHostile() {
        return guard.refusal(hostile);
    }

    /** The guard's worst case: a query of exactly the maximum length with no {@code &}, scanned to the end. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public String guardWorstCase() {
        return guard.refusal(WORST);
    }

    private static final String WORST = "a".repeat(4096);

    /** A real callback: guard plus the strict linear parse the mechanism does. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Map<String, List<String>> guardAndParseCallback() {
        return guard.parse(callback);
    }

    /** The hostile query parsed by the mechanism's own parser with the limits lifted: linear. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public Map<String, List<String>> parseHostileLinear() {
        return unlimited.parse(hostile);
    }

    /** The hostile query parsed as the mechanism did before issue 13: Nimbus' URLUtils, quadratic in the repeats. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public Map<String, List<String>> parseHostileNimbus() {
        return URLUtils.parseParameters(hostile);
    }
}
