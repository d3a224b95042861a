package io.passerine.bench;

import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.api.BearerToken;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Measurement 6: threads held while a cold burst waits for the app-only token. {@code callers} threads, released at
 * once, ask a fresh {@code DefaultAppOnlyTokenClient} for its token while the loopback token endpoint takes
 * {@code delay} ms to answer. Subject: {@code tokenAsync()} (each caller attaches a completion and ends, as an async
 * JAX-RS resource returns its stage). Baseline, same run, same endpoint: the blocking {@code token()}. A sampler reads
 * every caller thread's state each millisecond: a caller is <em>waiting</em> while it is inside the call and parked
 * (WAITING/TIMED_WAITING/BLOCKED), <em>held</em> while it is inside the call at all; the library's fetch threads
 * ({@code passerine-token-fetch-*}) are counted while RUNNABLE (busy with the request). Both modes must cause exactly
 * one token request.
 *
 * <p>Arguments: {@code [runs=5] [callers=200] [delayMillis=500]}
 */
public final class ColdBurstThreads {

    private static final String FETCH_THREAD = "passerine-token-fetch-";

    /** Peaks of one burst, and the time until every caller had its token. */
    record Peaks(int waiting, int held, int fetchBusy, int fetchLive, long millis) {
        int total() {
            return held + fetchBusy;
        }
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("io.passerine").setLevel(java.util.logging.Level.WARNING);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 500;
        Peaks[] blocking = new Peaks[runs];
        Peaks[] async = new Peaks[runs];
        for (int r = 0; r < runs; r++) { // alternating, so outside load hits both
            blocking[r] = burst(callers, delay, false);
            async[r] = burst(callers, delay, true);
            System.out.printf("  run %d  blocking token(): %s%n         tokenAsync():     %s%n", r + 1, blocking[r],
                    async[r]);
        }
        String what = callers + " callers at cold start, token endpoint " + delay + " ms";
        row("6. callers parked waiting for the token (peak), " + what, async, blocking, Peaks::waiting);
        row("6. threads held: callers inside the call + busy fetch threads (peak), " + what, async, blocking,
                Peaks::total);
        row("6a. busy fetch threads (peak; blocking: the fetch runs on a caller)", async, blocking, Peaks::fetchBusy);
        row("6b. live library fetch threads (peak, busy or idle)", async, blocking, Peaks::fetchLive);
        row("6c. time until every caller has the token, ms", async, blocking, p -> (int) p.millis());
    }

    private static void row(String label, Peaks[] async, Peaks[] blocking,
            java.util.function.ToIntFunction<Peaks> f) {
        double a = Results.median(Arrays.stream(async).mapToDouble(f::applyAsInt).toArray());
        double b = Results.median(Arrays.stream(blocking).mapToDouble(f::applyAsInt).toArray());
        Results.row(label, Results.fmt(a) + " (tokenAsync)", Results.fmt(b) + " (blocking token())",
                b == 0 ? "-" : Results.ratio(a / b), "-", true);
    }

    static Peaks burst(int n, long delay, boolean async) throws Exception {
        try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(delay, 0)) {
            AppOnlyTokenClient client = Clients.appOnly(endpoint.uri(), Clock.systemUTC());
            AtomicIntegerArray inside = new AtomicIntegerArray(n);
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(n);
            Set<BearerToken> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger failed = new AtomicInteger();
            Thread[] threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                int me = i;
                threads[i] = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    inside.set(me, 1);
                    try {
                        if (async) {
                            client.tokenAsync().whenComplete((t, e) -> {
                                if (t != null) {
                                    seen.add(t);
                                } else {
                                    failed.incrementAndGet();
                                }
                                done.countDown();
                            });
                        } else {
                            seen.add(client.token());
                            done.countDown();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        done.countDown();
                    } finally {
                        inside.set(me, 0);
                    }
                }, "caller-" + i);
                threads[i].start();
            }
            ready.await();
            long t0 = System.nanoTime();
            go.countDown();
            int waiting = 0;
            int held = 0;
            int busy = 0;
            int live = 0;
            while (!done.await(1, TimeUnit.MILLISECONDS)) {
                int w = 0;
                int h = 0;
                for (int i = 0; i < n; i++) {
                    if (inside.get(i) == 1) {
                        h++;
                        Thread.State s = threads[i].getState();
                        if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING
                                || s == Thread.State.BLOCKED) {
                            w++;
                        }
                    }
                }
                int[] fetch = fetchThreads();
                waiting = Math.max(waiting, w);
                held = Math.max(held, h);
                busy = Math.max(busy, fetch[0]);
                live = Math.max(live, fetch[1]);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            for (Thread t : threads) {
                t.join();
            }
            if (endpoint.calls() != 1 || seen.size() != 1 || failed.get() > 0) {
                throw new IllegalStateException((async ? "tokenAsync" : "token") + ": " + endpoint.calls()
                        + " token requests, callers saw " + seen.size() + " tokens, " + failed + " failed");
            }
            return new Peaks(waiting, held, busy, live, millis);
        }
    }

    /** {busy, live} threads of the library's fetch executor. */
    private static int[] fetchThreads() {
        Thread[] all = new Thread[Thread.activeCount() + 16];
        int count = Thread.enumerate(all);
        int busy = 0;
        int live = 0;
        for (int i = 0; i < count; i++) {
            if (all[i].getName().startsWith(FETCH_THREAD)) {
                live++;
                if (all[i].getState() == Thread.State.RUNNABLE) {
                    busy++;
                }
            }
        }
        return new int[] {busy, live};
    }
}
