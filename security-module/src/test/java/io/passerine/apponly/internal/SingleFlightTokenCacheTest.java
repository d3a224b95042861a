package io.passerine.apponly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.api.BearerToken;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SingleFlightTokenCacheTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile Supplier<BearerToken> next = () -> new BearerToken("token-" + fetches.get(), null);

    private final SingleFlightTokenCache cache = new SingleFlightTokenCache(() -> {
        fetches.incrementAndGet();
        return next.get();
    }, clock, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(5));

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000})
    void coldStartStampedeFetchesOnce(int callers) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        next = () -> {
            await(gate); // hold the leader until every caller has arrived
            return new BearerToken("the-token", null);
        };
        Set<BearerToken> seen = stampede(callers, gate);
        assertEquals(1, fetches.get());
        assertEquals(Set.of(new BearerToken("the-token", null)), seen);
    }

    @Test
    void tokenWithoutExpiryIsCachedUntilDropped() {
        BearerToken first = cache.get();
        clock.advance(Duration.ofDays(3650));
        assertSame(first, cache.get());
        assertEquals(1, fetches.get());
        assertTrue(cache.drop(first));
        BearerToken second = cache.get();
        assertEquals(2, fetches.get());
        assertEquals("token-2", second.value());
    }

    @Test
    void aTokenWithExpiryAfterADroppedOneWithoutIsStillRenewed() {
        BearerToken first = cache.get(); // no expiry: served by the one-load shortcut
        assertTrue(cache.drop(first));
        next = () -> new BearerToken("t" + fetches.get(), clock.instant().plusSeconds(600));
        assertEquals("t2", cache.get().value());
        clock.advance(Duration.ofSeconds(600 - 59));
        assertEquals("t3", cache.get().value());
        assertEquals(3, fetches.get());
    }

    @Test
    void tokenWithExpiryIsRenewedSkewAheadOfExpiry() {
        next = () -> new BearerToken("t" + fetches.get(), clock.instant().plusSeconds(7200));
        cache.get();
        clock.advance(Duration.ofSeconds(7200 - 61));
        assertEquals("t1", cache.get().value());
        clock.advance(Duration.ofSeconds(1)); // now 60 s before expiry: the configured skew
        assertEquals("t2", cache.get().value());
        assertEquals(2, fetches.get());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000})
    void renewalStampedeFetchesOnce(int callers) throws Exception {
        next = () -> new BearerToken("t" + fetches.get(), clock.instant().plusSeconds(600));
        cache.get();
        clock.advance(Duration.ofSeconds(600));
        CountDownLatch gate = new CountDownLatch(1);
        next = () -> {
            await(gate);
            return new BearerToken("renewed", clock.instant().plusSeconds(600));
        };
        Set<BearerToken> seen = stampede(callers, gate);
        assertEquals(2, fetches.get());
        assertEquals(Set.of(new BearerToken("renewed", null)), seen);
    }

    @Test
    void failureReachesEveryWaiterThenBacksOffThenRetries() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        next = () -> {
            await(gate);
            throw new ProviderException(Failure.REJECTED, "token endpoint said 503", 503, null, null, null);
        };
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<BearerToken>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(cache::get));
        }
        waitForQueue();
        gate.countDown();
        for (Future<BearerToken> f : results) {
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ProviderException, e.toString());
            assertTrue(e.getCause().getMessage().contains("503"));
        }
        pool.shutdown();
        assertEquals(1, fetches.get());

        ProviderException backingOff = assertThrows(ProviderException.class, cache::get);
        assertEquals(Failure.BACKING_OFF, backingOff.failure());
        assertEquals(Instant.parse("2026-01-01T00:00:01Z"), backingOff.retryAfter().orElseThrow());
        assertEquals(1, fetches.get(), "no request during the backoff");

        next = () -> new BearerToken("recovered", null);
        clock.advance(Duration.ofSeconds(1));
        assertEquals("recovered", cache.get().value());
        assertEquals(2, fetches.get());
    }

    @Test
    void backoffGrowsExponentiallyAndTooOftenBacksOffTheMaximum() {
        next = () -> {
            throw new ProviderException(Failure.TIMEOUT, "timed out");
        };
        assertThrows(ProviderException.class, cache::get);
        clock.advance(Duration.ofSeconds(1));
        assertThrows(ProviderException.class, cache::get);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Failure.BACKING_OFF, assertThrows(ProviderException.class, cache::get).failure());
        clock.advance(Duration.ofSeconds(1)); // 2 s after the second failure
        assertThrows(ProviderException.class, cache::get);
        assertEquals(3, fetches.get());

        next = () -> {
            throw new ProviderException(Failure.REJECTED, "too often", 403, "99", null, null);
        };
        clock.advance(Duration.ofSeconds(4));
        assertThrows(ProviderException.class, cache::get);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertEquals(Failure.BACKING_OFF, assertThrows(ProviderException.class, cache::get).failure());
        assertEquals(4, fetches.get());
    }

    @Test
    void concurrentDiscardsOfTheSameRejectedTokenCauseOneNewRequest() throws Exception {
        BearerToken rejected = cache.get();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<BearerToken>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                cache.drop(rejected);
                return cache.get();
            }));
        }
        for (Future<BearerToken> f : results) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(2, fetches.get());
    }

    @Test
    void dropAfterRevokesBeforeAnyNewFetch() {
        BearerToken old = cache.get();
        List<String> events = new ArrayList<>();
        cache.dropAfter(() -> events.add("revoked " + cache.peek().value()));
        assertEquals(List.of("revoked " + old.value()), events);
        assertEquals(null, cache.peek());
        assertEquals("token-2", cache.get().value());
    }

    private Set<BearerToken> stampede(int callers, CountDownLatch gate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch started = new CountDownLatch(callers);
        List<Future<BearerToken>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                started.countDown();
                return cache.get();
            }));
        }
        assertTrue(started.await(30, TimeUnit.SECONDS), "all callers started");
        waitForQueue();
        gate.countDown();
        Set<BearerToken> seen = ConcurrentHashMap.newKeySet();
        for (Future<BearerToken> f : results) {
            seen.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return seen;
    }

    private static void waitForQueue() throws InterruptedException {
        Thread.sleep(50); // let the callers reach the flight; correctness does not depend on it, only the overlap
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
