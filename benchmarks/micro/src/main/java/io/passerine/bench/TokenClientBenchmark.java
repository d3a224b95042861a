package io.passerine.bench;

import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.api.BearerToken;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cached path of {@link AppOnlyTokenClient#token()} against its floor, a plain volatile read of the same token.
 * The client is a real {@code DefaultAppOnlyTokenClient} on the system clock, warmed once against a loopback token
 * endpoint; after that no call reaches the endpoint (checked in tear-down).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenClientBenchmark {

    private LoopbackTokenEndpoint endpoint;
    private AppOnlyTokenClient client;
    private volatile BearerToken plain;
    private Clock clock;
    private NoExpiryShortcut proposedFix;
    private FlatNoExpiryShortcut proposedFixFlat;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        endpoint = new LoopbackTokenEndpoint(0, 0);
        client = Clients.appOnly(endpoint.uri(), Clock.systemUTC());
        plain = client.token(); // warm: the one and only token request
        clock = Clock.systemUTC();
        proposedFix = new NoExpiryShortcut(clock, plain);
        proposedFixFlat = new FlatNoExpiryShortcut(clock, plain);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        int calls = endpoint.calls();
        endpoint.close();
        if (calls != 1) {
            throw new IllegalStateException("the cached path reached the token endpoint: " + calls + " calls");
        }
    }

    /** Baseline: the cheapest way to share a token between threads. */
    @Benchmark
    public BearerToken volatileRead() {
        return plain;
    }

    /** The library's cached path. */
    @Benchmark
    public BearerToken cachedToken() {
        return client.token();
    }

    /** The library's cached async path: the token's one completed stage (no allocation expected). */
    @Benchmark
    public CompletionStage<BearerToken> cachedTokenAsync() {
        return client.tokenAsync();
    }

    /** Diagnostic: what the cached path pays for its one clock read (the system clock of this machine). */
    @Benchmark
    public long clockMillis() {
        return clock.millis();
    }

    /**
     * Diagnostic, the proposed library fix: the same hot path as {@code SingleFlightTokenCache.get()} (one volatile
     * read of the cached record, then the renewal check), except that a token without expiry (X's app-only tokens,
     * renewAt = Long.MAX_VALUE) skips the clock read.
     */
    @Benchmark
    public BearerToken cachedTokenProposedFix() {
        return proposedFix.get();
    }

    /** Diagnostic: the shortcut plus the cached record in a volatile field of the cache (no AtomicReference hop). */
    @Benchmark
    public BearerToken cachedTokenProposedFixFlat() {
        return proposedFixFlat.get();
    }

    /** {@link NoExpiryShortcut} with the record held in a volatile field (CAS would go through a VarHandle). */
    static final class FlatNoExpiryShortcut {
        private record Cached(BearerToken token, long renewAtMillis) {
        }

        private volatile Cached cached;
        private final Clock clock;

        FlatNoExpiryShortcut(Clock clock, BearerToken token) {
            this.clock = clock;
            cached = new Cached(token, token.expiresAt().isEmpty() ? Long.MAX_VALUE
                    : token.expiresAt().get().toEpochMilli() - 60_000);
        }

        BearerToken get() {
            Cached c = cached;
            if (c != null && (c.renewAtMillis == Long.MAX_VALUE || clock.millis() < c.renewAtMillis)) {
                return c.token;
            }
            throw new IllegalStateException("slow path not part of this benchmark");
        }
    }

    /** A copy of the cache's hot path with the no-expiry shortcut; the slow path is not exercised here. */
    static final class NoExpiryShortcut {
        private record Cached(BearerToken token, long renewAtMillis) {
        }

        private final AtomicReference<Cached> cached = new AtomicReference<>();
        private final Clock clock;

        NoExpiryShortcut(Clock clock, BearerToken token) {
            this.clock = clock;
            cached.set(new Cached(token, token.expiresAt().isEmpty() ? Long.MAX_VALUE
                    : token.expiresAt().get().toEpochMilli() - 60_000));
        }

        BearerToken get() {
            Cached c = cached.get();
            if (c != null && (c.renewAtMillis == Long.MAX_VALUE || clock.millis() < c.renewAtMillis)) {
                return c.token;
            }
            throw new IllegalStateException("slow path not part of this benchmark");
        }
    }
}
