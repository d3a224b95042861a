package io.passerine.apponly.internal;

import io.passerine.apponly.BearerToken;
import io.passerine.http.ProviderException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Caches one bearer token and fetches it single-flight: of any number of concurrent callers that find no usable token,
 * one fetches and the others wait for its result. The cached path is one volatile read (plus a clock read when the token
 * expires): no lock, no allocation. A failed fetch is handed to every waiting caller and then backs off (exponentially, capped) so that
 * the provider is never hammered; nothing failed is ever cached.
 */
final class SingleFlightTokenCache {

    /** A cached token and the instant (epoch millis) from which it must be renewed. */
    private record Cached(BearerToken token, long renewAtMillis) {
    }

    /** The last failure and the instant (epoch millis) before which no new fetch is made. */
    private record Backoff(ProviderException cause, long notBeforeMillis, int failures) {
    }

    private final Supplier<BearerToken> fetcher;
    private final Clock clock;
    private final Duration skew;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    /** Null (one JVM), or whether a cached token is still the cluster's (another node may have dropped it). */
    private final Predicate<BearerToken> stillShared;

    /** The cached token: a plain volatile field (one load on the hot path, no AtomicReference indirection). */
    private volatile Cached cached;
    private static final VarHandle CACHED;

    static {
        try {
            CACHED = MethodHandles.lookup().findVarHandle(SingleFlightTokenCache.class, "cached", Cached.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private final AtomicReference<CompletableFuture<Void>> flight = new AtomicReference<>();
    private volatile Backoff backoff;

    SingleFlightTokenCache(Supplier<BearerToken> fetcher, Clock clock, Duration skew, Duration minBackoff,
            Duration maxBackoff) {
        this(fetcher, clock, skew, minBackoff, maxBackoff, null);
    }

    SingleFlightTokenCache(Supplier<BearerToken> fetcher, Clock clock, Duration skew, Duration minBackoff,
            Duration maxBackoff, Predicate<BearerToken> stillShared) {
        this.stillShared = stillShared;
        this.fetcher = fetcher;
        this.clock = clock;
        this.skew = skew;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    BearerToken get() {
        Cached c = cached;
        // a token without expiry (X's) needs no clock read: on some VMs that read costs 40 ns (BENCHMARKS.md)
        if (c != null && (c.renewAtMillis == Long.MAX_VALUE || clock.millis() < c.renewAtMillis)
                && (stillShared == null || stillShared.test(c.token))) {
            return c.token;
        }
        return slowPath();
    }

    /** The cached token, if any, whatever its age. */
    BearerToken peek() {
        Cached c = cached;
        return c == null ? null : c.token;
    }

    /** Drops {@code token} if it is still the cached one; true if it was. */
    boolean drop(BearerToken token) {
        Cached c = cached;
        return c != null && c.token.equals(token) && CACHED.compareAndSet(this, c, null);
    }

    /**
     * Runs {@code action} (a revocation) while no fetch can start, then drops the cached token: a caller that arrives
     * meanwhile waits and then fetches a new token, never the one being revoked.
     */
    void dropAfter(Runnable action) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        while (!flight.compareAndSet(null, mine)) {
            try {
                awaitFlight(flight.get());
            } catch (RuntimeException failedFetch) {
                // that fetch's callers got its failure; the revocation goes on
            }
        }
        try {
            action.run();
        } finally {
            cached = null;
            flight.compareAndSet(mine, null);
            mine.complete(null);
        }
    }

    private BearerToken slowPath() {
        while (true) {
            CompletableFuture<Void> running = flight.get();
            if (running != null) {
                awaitFlight(running);
                Cached c = cached;
                if (c != null && clock.millis() < c.renewAtMillis
                        && (stillShared == null || stillShared.test(c.token))) {
                    return c.token;
                }
                continue;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            if (flight.compareAndSet(null, mine)) {
                return fetchAsLeader(mine);
            }
        }
    }

    private BearerToken fetchAsLeader(CompletableFuture<Void> mine) {
        try {
            long now = clock.millis();
            Cached c = cached; // another leader may have finished just before we won the flight
            if (c != null && now < c.renewAtMillis && (stillShared == null || stillShared.test(c.token))) {
                mine.complete(null);
                return c.token;
            }
            Backoff b = backoff;
            if (b != null && now < b.notBeforeMillis) {
                throw backingOff(b);
            }
            BearerToken token = fetchOrBackOff(now, b);
            cached = new Cached(token, renewAt(token, now));
            backoff = null;
            mine.complete(null);
            return token;
        } catch (RuntimeException | Error e) { // waiters must never hang, whatever the leader hit
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flight.compareAndSet(mine, null);
        }
    }

    private BearerToken fetchOrBackOff(long now, Backoff previous) {
        try {
            return fetcher.get();
        } catch (ProviderException e) {
            int failures = previous == null ? 1 : previous.failures + 1;
            // counted from the failure, not from the start of a request that may have taken its whole timeout
            backoff = new Backoff(e, clock.millis() + backoffMillis(failures, e), failures);
            throw e;
        }
    }

    /** min·2^(n-1), capped at max; X's 403 code 99 ("too often") backs off the maximum at once. */
    private long backoffMillis(int failures, ProviderException e) {
        long max = maxBackoff.toMillis();
        if (e.httpStatus() == 403 && e.providerError().filter("99"::equals).isPresent()) {
            return max;
        }
        long exp = minBackoff.toMillis() << Math.min(failures - 1, 30);
        return Math.min(max, exp < 0 ? max : exp);
    }

    private long renewAt(BearerToken token, long now) {
        if (token.expiresAt().isEmpty()) {
            return Long.MAX_VALUE;
        }
        long expires = token.expiresAt().get().toEpochMilli();
        long lifetime = Math.max(0, expires - now);
        return expires - Math.min(skew.toMillis(), lifetime / 2);
    }

    private static ProviderException backingOff(Backoff b) {
        Instant next = Instant.ofEpochMilli(b.notBeforeMillis);
        return new ProviderException(ProviderException.Failure.BACKING_OFF,
                b.cause.getMessage() + "; no new token request before " + next, b.cause.httpStatus(),
                b.cause.providerError().orElse(null), next, null);
    }

    private static void awaitFlight(CompletableFuture<Void> running) {
        if (running == null) {
            return;
        }
        try {
            running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
