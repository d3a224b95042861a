package io.passerine.bench;

import io.passerine.testing.MutableClock;
import io.passerine.api.BearerToken;
import io.passerine.apponly.internal.DefaultAppOnlyTokenClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Measurement 2: token-endpoint calls when 1, 10, 100, 1,000 callers ask for the token at once, at cold start and
 * again at expiry (a mutable clock moved past the token's renewal time). The endpoint is a loopback JDK HTTP server
 * that answers after {@code delay} ms, so every caller arrives while the first request is in flight. Baseline, same
 * run, same endpoint: a naive lazy cache without single flight ({@code if (expired) token = fetch()}).
 *
 * <p>Arguments: {@code [runs=5] [delayMillis=100] [callers=1,10,100,1000]}
 */
public final class Stampede {

    private static final long LIFETIME_SECONDS = 7200;
    /** The library logs each token request at INFO: not part of the measurement. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.passerine");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 100;
        String[] callerCounts = (args.length > 2 ? args[2] : "1,10,100,1000").split(",");

        System.out.printf("%8s | %-28s | %-28s | %-28s | %-28s%n", "callers", "Passerine cold (runs)",
                "Passerine expiry (runs)", "naive cold (runs)", "naive expiry (runs)");
        for (String c : callerCounts) {
            int n = Integer.parseInt(c.strip());
            double[][] p = new double[2][runs];
            double[][] b = new double[2][runs];
            for (int r = 0; r < runs; r++) {
                int[] pr = passerine(n, delay);
                int[] br = naive(n, delay);
                p[0][r] = pr[0];
                p[1][r] = pr[1];
                b[0][r] = br[0];
                b[1][r] = br[1];
            }
            System.out.printf("%8d | %-28s | %-28s | %-28s | %-28s%n", n, list(p[0]), list(p[1]), list(b[0]),
                    list(b[1]));
            for (int phase = 0; phase < 2; phase++) {
                double pm = Results.median(p[phase]);
                double bm = Results.median(b[phase]);
                double max = java.util.Arrays.stream(p[phase]).max().orElse(0);
                Results.row("2. token calls, " + n + " callers at " + (phase == 0 ? "cold start" : "expiry"),
                        Results.fmt(pm) + (max != pm ? " (max " + Results.fmt(max) + ")" : ""),
                        Results.fmt(bm) + " (naive cache)", Results.ratio(pm / bm), "1 call", max == 1);
            }
        }
    }

    /** Calls made by a real DefaultAppOnlyTokenClient: {cold, expiry}. */
    private static int[] passerine(int n, long delay) throws Exception {
        try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(delay, LIFETIME_SECONDS)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
            DefaultAppOnlyTokenClient client = Clients.appOnly(endpoint.uri(), clock);
            Set<BearerToken> cold = stampede(n, client::token);
            int coldCalls = endpoint.calls();
            clock.advance(Duration.ofSeconds(LIFETIME_SECONDS));
            Set<BearerToken> renewed = stampede(n, client::token);
            int expiryCalls = endpoint.calls() - coldCalls;
            if (cold.size() != 1 || renewed.size() != 1 || cold.equals(renewed)) {
                throw new IllegalStateException("callers saw " + cold.size() + " tokens cold and " + renewed.size()
                        + " at expiry (same token after expiry: " + cold.equals(renewed) + ")");
            }
            return new int[] {coldCalls, expiryCalls};
        }
    }

    /** Calls made by a naive lazy cache over plain HTTP: {cold, expiry}. */
    private static int[] naive(int n, long delay) throws Exception {
        try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(delay, LIFETIME_SECONDS)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
            NaiveCache cache = new NaiveCache(endpoint.uri(), clock);
            stampede(n, cache::token);
            int coldCalls = endpoint.calls();
            clock.advance(Duration.ofSeconds(LIFETIME_SECONDS));
            stampede(n, cache::token);
            return new int[] {coldCalls, endpoint.calls() - coldCalls};
        }
    }

    /** n threads, released at once, each calling {@code call}; the distinct results. */
    private static <T> Set<T> stampede(int n, Supplier<T> call) throws InterruptedException, ExecutionException {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<FutureTask<T>> tasks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<T> c = () -> {
                ready.countDown();
                go.await();
                return call.get();
            };
            FutureTask<T> t = new FutureTask<>(c);
            tasks.add(t);
            Thread th = new Thread(t, "caller-" + i);
            th.start();
            threads.add(th);
        }
        ready.await();
        go.countDown();
        Set<T> seen = new HashSet<>();
        for (FutureTask<T> t : tasks) {
            seen.add(t.get());
        }
        for (Thread th : threads) {
            th.join();
        }
        return seen;
    }

    private static String list(double[] xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            sb.append(sb.length() == 0 ? "" : " ").append((long) x);
        }
        return sb.toString();
    }

    /** What a hand-written cache often looks like: check, then fetch; no single flight. */
    private static final class NaiveCache {
        private final URI uri;
        private final Clock clock;
        private volatile String token;
        private volatile long expiresAt;

        NaiveCache(URI uri, Clock clock) {
            this.uri = uri;
            this.clock = clock;
        }

        String token() {
            String t = token;
            if (t != null && clock.millis() < expiresAt) {
                return t;
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = r.body();
                int i = body.indexOf("\"access_token\":\"") + 16;
                t = body.substring(i, body.indexOf('"', i));
                expiresAt = clock.millis() + LIFETIME_SECONDS * 1000 - 60_000;
                token = t;
                return t;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
