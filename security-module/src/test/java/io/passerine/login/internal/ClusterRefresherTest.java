package io.passerine.login.internal;

import io.passerine.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.testing.HazelcastPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One session replicated on two nodes (each its own {@link SessionLogin} copy, as a session cache gives them), the
 * access token expired, 40 concurrent requests over both: exactly one refresh call cluster-wide, everyone gets the
 * rotated tokens.
 */
class ClusterRefresherTest {

    static final String TOKEN = "/2/oauth2/token";
    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private FakeProvider provider;

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void twoNodesOneRotatingRefreshToken() throws Exception {
        AtomicInteger n = new AtomicInteger();
        provider = new FakeProvider().on(TOKEN, c -> {
            Thread.sleep(200);
            int i = n.incrementAndGet();
            return Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-" + i
                    + "\",\"refresh_token\":\"RT-" + i + "\",\"scope\":\"tweet.read offline.access\"}");
        });
        HazelcastPair hz = HazelcastPair.get();
        String cache = "login-" + UUID.randomUUID();
        TokenEndpoint endpoint = new TokenEndpoint(provider.settings(Map.of()), clock);
        Refresher onA = new ClusterRefresher(endpoint, hz.nodeA(cache, Duration.ofMinutes(10)));
        Refresher onB = new ClusterRefresher(endpoint, hz.nodeB(cache, Duration.ofMinutes(10)));
        UserInfo user = new UserInfo("jack", "1", "jack", "Jack");
        GrantedTokens expired = new GrantedTokens("AT-0", clock.instant().minusSeconds(1), "RT-0", Set.of("tweet.read"));
        SessionLogin copyA = new SessionLogin(user, expired);
        SessionLogin copyB = new SessionLogin(user, expired);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<GrantedTokens>> got = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean a = i % 2 == 0;
                got.add(pool.submit(() -> {
                    go.await();
                    return (a ? copyA : copyB).current(clock, Duration.ofSeconds(60), a ? onA : onB);
                }));
            }
            go.countDown();
            for (Future<GrantedTokens> f : got) {
                assertEquals("AT-1", f.get().accessToken());
                assertEquals("RT-1", f.get().refreshToken());
            }
            assertEquals(1, n.get(), "one refresh call for the whole cluster");
            String dump = hz.dump(cache);
            assertFalse(dump.isEmpty());
            for (String token : List.of("AT-1", "RT-1", "RT-0")) {
                assertFalse(dump.contains(token), "checklist 33, no token in the shared cache: " + dump);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
