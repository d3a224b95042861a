package io.passerine.apponly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.api.BearerToken;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SingleFlightTokenCache#getAsync()}: one flight for every caller, no thread parked for async ones. */
class SingleFlightTokenCacheAsyncTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile Supplier<BearerToken> next = () -> new BearerToken("token-" + fetches.get(), null);
    /** Tasks handed to the executor; {@link #runQueued()} runs them on a thread of the test's choosing. */
    private final Queue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private volatile Executor executor = task -> {
        submitted.incrementAndGet();
        Thread t = new Thread(task, "test-fetch-" + submitted.get());
        t.setDaemon(true);
        t.start();
    };

    private final SingleFlightTokenCache cache = new SingleFlightTokenCache(() -> {
        fetches.incrementAndGet();
        return next.get();
    }, clock, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(5), null, new AsyncExecution() {
        @Override
        public Executor executor() {
            return task -> executor.execute(task);
        }

        @Override
        public <T> CompletionStage<T> completed(T value) {
            return AsyncExecution.library().completed(value);
        }

        @Override
        public <T> CompletionStage<T> forCaller(CompletableFuture<T> shared) {
            return AsyncExecution.library().forCaller(shared);
        }
    });

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 200})
    void asyncCallersAtColdStartShareOneFetchAndNoCallerThreadWaits(int callers) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        next = () -> {
            await(gate); // the token endpoint has not answered yet
            return new BearerToken("the-token", null);
        };
        List<CompletionStage<BearerToken>> stages = asyncCallers(callers); // every caller thread has ended

        assertEquals(1, submitted.get(), "one fetch handed to the executor");
        for (CompletionStage<BearerToken> s : stages) {
            assertFalse(s.toCompletableFuture().isDone(), "the fetch is still held open");
        }
        gate.countDown();
        assertEquals(Set.of(new BearerToken("the-token", null)), results(stages));
        assertEquals(1, fetches.get());
    }

    @Test
    void cachedPathHandsOutOneCompletedStagePerToken() throws Exception {
        BearerToken first = cache.get();
        CompletionStage<BearerToken> a = cache.getAsync();
        assertSame(a, cache.getAsync());
        assertSame(first, a.toCompletableFuture().getNow(null));
        assertThrows(UnsupportedOperationException.class, () -> ((CompletableFuture<BearerToken>) a).complete(
                new BearerToken("forged", null)), "a caller cannot complete the shared stage");
        assertEquals(0, submitted.get());

        assertTrue(cache.drop(first));
        BearerToken second = cache.getAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("token-2", second.value());
        assertNotSame(a, cache.getAsync());
        assertEquals(2, fetches.get());
    }

    @Test
    void failureReachesEveryStageAsProviderExceptionThenBacksOffWithoutAFetchOrAnExecutorTask() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        next = () -> {
            await(gate);
            throw new ProviderException(Failure.REJECTED, "token endpoint said 503", 503, null, null, null);
        };
        List<CompletionStage<BearerToken>> stages = asyncCallers(20);
        gate.countDown();
        for (CompletionStage<BearerToken> s : stages) {
            ProviderException e = failure(s);
            assertEquals(Failure.REJECTED, e.failure());
            assertTrue(e.getMessage().contains("503"), e.getMessage());
        }
        assertEquals(1, fetches.get());

        ProviderException backingOff = failure(cache.getAsync());
        assertEquals(Failure.BACKING_OFF, backingOff.failure());
        assertEquals(1, submitted.get(), "refused on the caller's thread, no executor task");
        assertEquals(1, fetches.get(), "no request during the backoff");

        next = () -> new BearerToken("recovered", null);
        clock.advance(Duration.ofSeconds(1));
        assertEquals("recovered", cache.getAsync().toCompletableFuture().get(10, TimeUnit.SECONDS).value());
        assertEquals(2, fetches.get(), "nothing failed was cached");
    }

    @Test
    void mixedBlockingAndAsyncCallersCauseOneFetch() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        next = () -> {
            await(gate);
            return new BearerToken("shared", null);
        };
        Set<BearerToken> seen = ConcurrentHashMap.newKeySet();
        List<Thread> blocking = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Thread t = new Thread(() -> seen.add(cache.get()));
            t.start();
            blocking.add(t);
        }
        List<CompletionStage<BearerToken>> stages = asyncCallers(50);
        Thread.sleep(50); // let the blocking callers reach the flight; correctness does not depend on it
        gate.countDown();
        seen.addAll(results(stages));
        for (Thread t : blocking) {
            t.join(10_000);
        }
        assertEquals(Set.of(new BearerToken("shared", null)), seen);
        assertEquals(1, fetches.get());
    }

    @Test
    void blockingCallerFetchesItselfWhenTheAsyncFetchStillWaitsForAnExecutorThread() throws Exception {
        executor = task -> {
            submitted.incrementAndGet();
            queued.add(task); // a saturated pool: the task does not start
        };
        CompletionStage<BearerToken> waiting = cache.getAsync();
        assertEquals(0, fetches.get());

        BearerToken token = cache.get(); // must not wait for the pool (the cold-start deadlock of issue 14)
        assertEquals("token-1", token.value());
        assertSame(token, waiting.toCompletableFuture().get(10, TimeUnit.SECONDS));
        runQueued(); // the pool finally runs the task: already done, no second request
        assertEquals(1, fetches.get());
    }

    @Test
    void asyncCallerArrivingDuringARevocationGetsANewTokenNeverTheRevokedOne() throws Exception {
        next = () -> new BearerToken("t" + fetches.get(), clock.instant().plusSeconds(600));
        assertEquals("t1", cache.get().value());
        clock.advance(Duration.ofSeconds(600)); // due: callers take the slow path
        CountDownLatch revoking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread invalidate = new Thread(() -> cache.dropAfter(() -> {
            revoking.countDown();
            await(release);
        }));
        invalidate.start();
        assertTrue(revoking.await(10, TimeUnit.SECONDS));
        CompletionStage<BearerToken> stage = cache.getAsync();
        assertFalse(stage.toCompletableFuture().isDone(), "waits out the revocation");
        release.countDown();
        assertEquals("t2", stage.toCompletableFuture().get(10, TimeUnit.SECONDS).value());
        invalidate.join(10_000);
        assertEquals(2, fetches.get());
    }

    @Test
    void refusedExecutorFetchesOnTheCallersThread() throws Exception {
        executor = task -> {
            throw new RejectedExecutionException("shutting down");
        };
        assertEquals("token-1", cache.getAsync().toCompletableFuture().getNow(null).value());
        assertEquals(1, fetches.get());
    }

    @Test
    void concurrentAsyncDiscardsOfTheSameRejectedTokenCauseOneNewRequest() throws Exception {
        BearerToken rejected = cache.get();
        List<CompletionStage<BearerToken>> stages = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Thread t = new Thread(() -> {
                cache.drop(rejected);
                CompletionStage<BearerToken> s = cache.getAsync();
                synchronized (stages) {
                    stages.add(s);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertFalse(results(stages).contains(rejected));
        assertEquals(2, fetches.get());
    }

    /** {@code n} caller threads, released at once, each calling getAsync() once; returns after all have ended. */
    private List<CompletionStage<BearerToken>> asyncCallers(int n) throws InterruptedException {
        List<CompletionStage<BearerToken>> stages = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                await(go);
                CompletionStage<BearerToken> s = cache.getAsync();
                synchronized (stages) {
                    stages.add(s);
                }
            }, "async-caller-" + i);
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " is still held: " + List.of(t.getStackTrace()));
        }
        assertEquals(n, stages.size());
        return stages;
    }

    private void runQueued() {
        Runnable r;
        while ((r = queued.poll()) != null) {
            r.run();
        }
    }

    private static Set<BearerToken> results(List<CompletionStage<BearerToken>> stages) throws Exception {
        Set<BearerToken> seen = ConcurrentHashMap.newKeySet();
        for (CompletionStage<BearerToken> s : stages) {
            seen.add(s.toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
        return seen;
    }

    static ProviderException failure(CompletionStage<BearerToken> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ProviderException, String.valueOf(e.getCause()));
        return (ProviderException) e.getCause();
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
