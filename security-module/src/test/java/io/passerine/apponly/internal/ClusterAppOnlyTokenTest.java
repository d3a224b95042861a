package io.passerine.apponly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.passerine.api.BearerToken;
import io.passerine.internal.cluster.SharedCache;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.testing.FakeTokenEndpoint;
import io.passerine.testing.FakeTokenEndpoint.Answer;
import io.passerine.testing.HazelcastPair;
import io.passerine.testing.MutableClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two "nodes" (two clients, each over its own embedded Hazelcast member) sharing the app-only token. */
class ClusterAppOnlyTokenTest {

    static final String TOKEN_PATH = "/oauth2/token";
    static final String INVALIDATE_PATH = "/oauth2/invalidate_token";

    private final FakeTokenEndpoint x;
    private final String cacheName = "app-only-" + UUID.randomUUID();

    ClusterAppOnlyTokenTest() throws Exception {
        x = new FakeTokenEndpoint();
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T1\"}").delayed(200));
        x.answer(INVALIDATE_PATH, Answer.json(200, "{\"access_token\":\"T1\"}"));
    }

    @AfterEach
    void stop() {
        x.close();
    }

    @Test
    void hundredCallersOnTwoNodesAtColdStartCauseOneTokenRequest() throws Exception {
        HazelcastPair hz = HazelcastPair.get();
        DefaultAppOnlyTokenClient a = client(hz.nodeA(cacheName, null), Clock.systemUTC());
        DefaultAppOnlyTokenClient b = client(hz.nodeB(cacheName, null), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<BearerToken>> got = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                DefaultAppOnlyTokenClient node = i % 2 == 0 ? a : b;
                got.add(pool.submit(() -> {
                    go.await();
                    return node.token();
                }));
            }
            go.countDown();
            Set<String> values = new HashSet<>();
            for (Future<BearerToken> f : got) {
                values.add(f.get().value());
            }
            assertEquals(Set.of("T1"), values);
            assertEquals(1, x.calls(TOKEN_PATH));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidateOnOneNodeIsSeenByTheOtherWithOneNewTokenRequest() {
        HazelcastPair hz = HazelcastPair.get();
        MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
        DefaultAppOnlyTokenClient a = client(hz.nodeA(cacheName, null), clock);
        DefaultAppOnlyTokenClient b = client(hz.nodeB(cacheName, null), clock);
        assertEquals("T1", a.token().value());
        assertEquals("T1", b.token().value());
        assertEquals(1, x.calls(TOKEN_PATH));
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T2\"}"));
        a.invalidate();
        assertEquals(1, x.calls(INVALIDATE_PATH));
        assertEquals("T2", b.token().value(), "B's next call uses a new token");
        assertEquals("T2", a.token().value());
        assertEquals(2, x.calls(TOKEN_PATH), "at most one extra token request");
    }

    @Test
    void a401OnOneNodeDiscardsTheTokenClusterWide() {
        HazelcastPair hz = HazelcastPair.get();
        DefaultAppOnlyTokenClient a = client(hz.nodeA(cacheName, null), Clock.systemUTC());
        DefaultAppOnlyTokenClient b = client(hz.nodeB(cacheName, null), Clock.systemUTC());
        BearerToken t1 = a.token();
        assertEquals(t1, b.token());
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T2\"}"));
        b.discard(t1);
        a.discard(t1); // the same 401 seen on the other node too: still one new request
        assertNotEquals(t1, a.token());
        assertEquals("T2", b.token().value());
        assertEquals(2, x.calls(TOKEN_PATH));
    }

    private DefaultAppOnlyTokenClient client(SharedCache cache, Clock clock) {
        return client(cache, clock, Map.of());
    }

    private DefaultAppOnlyTokenClient client(SharedCache cache, Clock clock, Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "passerine.app-only.api-key", "key",
                "passerine.app-only.api-secret", "secret",
                "passerine.app-only.token-uri", x.uri(TOKEN_PATH).toString(),
                "passerine.app-only.revoke-uri", x.uri(INVALIDATE_PATH).toString()));
        config.putAll(extra);
        return new DefaultAppOnlyTokenClient(AppOnlySettings.read(ConfigReader.of(config), ""), clock, cache,
                io.passerine.internal.metrics.Metrics.NONE);
    }

    /**
     * Issue 16: the cluster lock outlives the call it guards. Before, the lease was connect + read + 5 s (20 s by
     * default) even with a longer {@code call-timeout}: another node could take the lock while the call still ran.
     */
    @Test
    void theClusterLockIsLeasedForTheWholeCallDeadline() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        x.holdUntil(answer);
        HazelcastPair hz = HazelcastPair.get();
        DefaultAppOnlyTokenClient a = client(hz.nodeA(cacheName, null), Clock.systemUTC(),
                Map.of("passerine.app-only.call-timeout", "60s"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long before = System.currentTimeMillis();
            Future<BearerToken> fetch = pool.submit(a::token);
            String lock = null;
            for (int i = 0; i < 500 && lock == null; i++) {
                lock = hz.dump(cacheName).lines().filter(l -> l.contains(":lock=")).findFirst().orElse(null);
                Thread.sleep(10);
            }
            answer.countDown();
            assertEquals("T1", fetch.get().value());
            long expires = Long.parseLong(lock.substring(lock.lastIndexOf('|') + 1));
            assertTrue(expires - before >= 65_000, "lease " + (expires - before) + " ms, the call may take 60 s");
        } finally {
            answer.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void theSharedEntryHoldsTheTokenOnlySealed() {
        String token = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F";
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"" + token + "\"}"));
        HazelcastPair hz = HazelcastPair.get();
        DefaultAppOnlyTokenClient a = client(hz.nodeA(cacheName, null), Clock.systemUTC());
        DefaultAppOnlyTokenClient b = client(hz.nodeB(cacheName, null), Clock.systemUTC());
        assertEquals(token, a.token().value());
        assertEquals(token, b.token().value(), "node B opens what node A sealed");
        assertEquals(1, x.calls(TOKEN_PATH));
        String dump = hz.dump(cacheName);
        assertTrue(dump.contains("app-only:"), dump);
        assertFalse(dump.contains(token.substring(0, 40)), "checklist 33, no token in the shared cache: " + dump);
    }
}
