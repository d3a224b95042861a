package io.passerine.apponly.internal;

import io.passerine.api.BearerToken;
import io.passerine.ProviderException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Caches one bearer token and fetches it single-flight: of any number of concurrent callers that find no usable token,
 * one token request is made and every caller gets its result. The cached path is one volatile read (for a token that
 * never expires in one JVM, X's app-only token, a read of the token itself; otherwise of its record, plus a clock read):
 * no lock, no allocation, for {@link #get()} and {@link #getAsync()} alike (the latter hands out one completed stage
 * per token). A failed fetch is handed to every waiting caller and then backs off
 * (exponentially, capped) so that the provider is never hammered; nothing failed is ever cached.
 *
 * <p>Thread model: the fetch of a {@link Flight} runs once, on whichever thread claims it first. A blocking caller
 * that starts or finds a flight claims it and fetches on its own thread, so it never waits for a pool thread (the
 * cold-start deadlock of issue 14); an asynchronous caller that starts one hands it to the {@link AsyncExecution}'s
 * executor and returns at once, and asynchronous callers that find one only attach a dependent stage. No thread is
 * parked for an asynchronous caller.
 */
final class SingleFlightTokenCache {

    /** A cached token, the instant (epoch millis) from which it must be renewed, and its completed stage. */
    private record Cached(BearerToken token, long renewAtMillis, CompletionStage<BearerToken> stage) {
    }

    /**
     * One fetch that every caller arriving meanwhile shares, or a revocation ({@link #dropAfter}) that they wait out.
     * {@link #run()} fetches once, on the first thread that claims it: the executor's, or a blocking caller's.
     */
    private final class Flight implements Runnable {
        /** The fetched token; null after a revocation (callers then look again). Completed after it is unpublished. */
        final CompletableFuture<BearerToken> result = new CompletableFuture<>();
        final boolean revocation;
        private final AtomicBoolean claimed;

        Flight(boolean revocation) {
            this.revocation = revocation;
            this.claimed = new AtomicBoolean(revocation);
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                lead(this);
            }
        }
    }

    private static final System.Logger LOG = System.getLogger("io.passerine.apponly");

    private final Supplier<BearerToken> fetcher;
    private final Clock clock;
    private final Duration skew;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    /** Null (one JVM), or whether a cached token is still the cluster's (another node may have dropped it). */
    private final Predicate<BearerToken> stillShared;
    private final AsyncExecution async;

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
    /**
     * The cached token when it never needs renewing here (no expiry, one JVM: X's app-only tokens), else null: the
     * whole hot path is then this one load. Set and cleared together with {@link #cached}.
     */
    private volatile BearerToken forever;
    private final AtomicReference<Flight> flight = new AtomicReference<>();
    private volatile FetchBackoff backoff;

    SingleFlightTokenCache(Supplier<BearerToken> fetcher, Clock clock, Duration skew, Duration minBackoff,
            Duration maxBackoff) {
        this(fetcher, clock, skew, minBackoff, maxBackoff, null, AsyncExecution.library());
    }

    SingleFlightTokenCache(Supplier<BearerToken> fetcher, Clock clock, Duration skew, Duration minBackoff,
            Duration maxBackoff, Predicate<BearerToken> stillShared, AsyncExecution async) {
        this.stillShared = stillShared;
        this.fetcher = fetcher;
        this.clock = clock;
        this.skew = skew;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.async = async;
    }

    BearerToken get() {
        BearerToken f = forever;
        if (f != null) {
            return f;
        }
        Cached c = cached;
        // a token without expiry (X's) needs no clock read: on some VMs that read costs 40 ns (BENCHMARKS.md)
        if (c != null && (c.renewAtMillis == Long.MAX_VALUE || clock.millis() < c.renewAtMillis)
                && (stillShared == null || stillShared.test(c.token))) {
            return c.token;
        }
        return slowPath();
    }

    /** The same token as {@link #get()}, without parking the calling thread; fails with a ProviderException. */
    CompletionStage<BearerToken> getAsync() {
        Cached c = cached;
        if (c != null && (c.renewAtMillis == Long.MAX_VALUE || clock.millis() < c.renewAtMillis)
                && (stillShared == null || stillShared.test(c.token))) {
            return c.stage;
        }
        return async.forCaller(joinAsync());
    }

    /** The cached token, if any, whatever its age. */
    BearerToken peek() {
        Cached c = cached;
        return c == null ? null : c.token;
    }

    /** Drops {@code token} if it is still the cached one; true if it was. */
    boolean drop(BearerToken token) {
        Cached c = cached;
        if (c != null && c.token.equals(token) && CACHED.compareAndSet(this, c, null)) {
            forever = null;
            return true;
        }
        return false;
    }

    /**
     * Runs {@code action} (a revocation) while no fetch can start, then drops the cached token: a caller that arrives
     * meanwhile waits and then fetches a new token, never the one being revoked.
     */
    void dropAfter(Runnable action) {
        Flight mine = new Flight(true);
        Flight running;
        while (!flight.compareAndSet(null, mine)) {
            if ((running = flight.get()) != null) {
                running.run(); // a fetch still queued for the executor: do it here rather than wait for a thread
                running.result.exceptionally(e -> null).join(); // its callers got its failure; revoking goes on
            }
        }
        try {
            action.run();
        } finally {
            cached = null;
            forever = null;
            flight.compareAndSet(mine, null);
            mine.result.complete(null);
        }
    }

    private BearerToken slowPath() {
        while (true) {
            Flight running = flight.get();
            if (running == null) {
                Flight mine = new Flight(false);
                if (!flight.compareAndSet(null, mine)) {
                    continue;
                }
                running = mine;
            }
            running.run(); // claims it unless another thread fetches already: never waits for an executor thread
            BearerToken token = await(running.result);
            if (token != null) {
                return token;
            }
            Cached c = cached; // a revocation finished: look again
            if (usable(c, clock.millis())) {
                return c.token;
            }
        }
    }

    /** A future of the token for an async caller (not to be handed out: callers get {@link AsyncExecution} stages). */
    private CompletableFuture<BearerToken> joinAsync() {
        while (true) {
            Flight running = flight.get();
            if (running == null) {
                FetchBackoff b = backoff;
                if (b != null && b.refuses(clock.millis())) { // refused here: no executor hop to refuse
                    return CompletableFuture.failedFuture(b.refusal());
                }
                Flight mine = new Flight(false);
                if (!flight.compareAndSet(null, mine)) {
                    continue;
                }
                submit(mine);
                return mine.result;
            }
            return running.revocation ? running.result.thenCompose(revoked -> lookAgainAsync()) : running.result;
        }
    }

    private CompletableFuture<BearerToken> lookAgainAsync() {
        Cached c = cached;
        return usable(c, clock.millis()) ? CompletableFuture.completedFuture(c.token) : joinAsync();
    }

    private void submit(Flight mine) {
        try {
            async.executor().execute(mine);
        } catch (RejectedExecutionException e) { // e.g. the application is stopping: fetch here, never lose a flight
            LOG.log(System.Logger.Level.WARNING, "The token request executor refused the app-only token request;"
                    + " it runs on the caller's thread");
            mine.run();
        }
    }

    /** The fetch of a flight, on the thread that claimed it. Unpublishes the flight before completing it. */
    private void lead(Flight mine) {
        BearerToken token;
        try {
            long now = clock.millis();
            Cached c = cached; // another flight may have finished just before this one was published
            if (usable(c, now)) {
                token = c.token;
            } else {
                FetchBackoff b = backoff;
                if (b != null && b.refuses(now)) {
                    throw b.refusal();
                }
                token = fetchOrBackOff(b);
                long renewAt = renewAt(token, now);
                // forever first: a drop() can only take out a token once it is in cached, so it always clears both
                forever = renewAt == Long.MAX_VALUE && stillShared == null ? token : null;
                cached = new Cached(token, renewAt, async.completed(token));
                backoff = null;
            }
        } catch (RuntimeException | Error e) { // waiters must never hang, whatever the fetch hit
            flight.compareAndSet(mine, null);
            mine.result.completeExceptionally(e);
            return;
        }
        flight.compareAndSet(mine, null);
        mine.result.complete(token);
    }

    private boolean usable(Cached c, long now) {
        return c != null && now < c.renewAtMillis && (stillShared == null || stillShared.test(c.token));
    }

    private BearerToken fetchOrBackOff(FetchBackoff previous) {
        try {
            return fetcher.get();
        } catch (ProviderException e) {
            // counted from the failure, not from the start of a request that may have taken its whole timeout
            backoff = FetchBackoff.after(e, previous, clock.millis(), minBackoff, maxBackoff);
            throw e;
        }
    }

    private long renewAt(BearerToken token, long now) {
        if (token.expiresAt().isEmpty()) {
            return Long.MAX_VALUE;
        }
        long expires = token.expiresAt().get().toEpochMilli();
        long lifetime = Math.max(0, expires - now);
        return expires - Math.min(skew.toMillis(), lifetime / 2);
    }

    private static BearerToken await(CompletableFuture<BearerToken> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
