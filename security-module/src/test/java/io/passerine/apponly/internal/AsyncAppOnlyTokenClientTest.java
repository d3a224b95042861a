package io.passerine.apponly.internal;

import static io.passerine.apponly.internal.DefaultAppOnlyTokenClientTest.KEY;
import static io.passerine.apponly.internal.DefaultAppOnlyTokenClientTest.SECRET;
import static io.passerine.apponly.internal.DefaultAppOnlyTokenClientTest.TOKEN_PATH;
import static io.passerine.apponly.internal.SingleFlightTokenCacheAsyncTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.api.BearerToken;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.testing.FakeTokenEndpoint;
import io.passerine.testing.FakeTokenEndpoint.Answer;
import io.passerine.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tokenAsync()} of the real client against a loopback token endpoint that the test holds open with a latch: the
 * endpoint's call count is the oracle, and the JVM's threads show who waits while the request is open.
 */
class AsyncAppOnlyTokenClientTest {

    private static final String T = "{\"token_type\":\"bearer\",\"access_token\":\"T\"}";

    private final FakeTokenEndpoint x;
    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final CountDownLatch answer = new CountDownLatch(1);

    AsyncAppOnlyTokenClientTest() throws Exception {
        x = new FakeTokenEndpoint().holdUntil(answer);
    }

    @AfterEach
    void stop() {
        answer.countDown();
        x.close();
    }

    @Test
    void twoHundredAsyncCallersAtColdStartCauseOneRequestAndNoThreadButTheFetchWaits() throws Exception {
        x.answer(TOKEN_PATH, Answer.json(200, T));
        DefaultAppOnlyTokenClient client = client();
        List<CompletionStage<BearerToken>> stages = asyncCallers(client, 200); // all caller threads have ended
        awaitCalls(1);

        List<String> waiting = threadsInsidePasserine();
        assertEquals(1, waiting.size(), "only the one token request holds a thread: " + waiting);
        assertTrue(waiting.get(0).startsWith(LibraryExecutor.THREAD_PREFIX), waiting.toString());
        assertFalse(stages.get(0).toCompletableFuture().isDone());

        answer.countDown();
        assertEquals(Set.of("T"), values(stages));
        assertEquals(1, x.calls(TOKEN_PATH));
        assertTrue(fetchThreads() <= LibraryExecutor.MAX_THREADS, "bounded executor: " + fetchThreads());
    }

    @Test
    void failureReachesEveryAsyncCallerTypedAndWithoutSecretsThenBacksOffThenRecovers() throws Exception {
        x.answer(TOKEN_PATH, Answer.json(403, "{\"errors\":[{\"code\":99,\"message\":\"Unable to verify\"}]}"));
        DefaultAppOnlyTokenClient client = client();
        List<CompletionStage<BearerToken>> stages = asyncCallers(client, 50);
        awaitCalls(1);
        answer.countDown();
        for (CompletionStage<BearerToken> s : stages) {
            ProviderException e = failure(s);
            assertEquals(Failure.REJECTED, e.failure());
            assertTrue(e.getMessage().contains("HTTP 403 99: Unable to verify"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains("s3cr3t"), e.getMessage());
        }
        assertEquals(Failure.BACKING_OFF, failure(client.tokenAsync()).failure(), "403/99 backs off at once");
        assertEquals(1, x.calls(TOKEN_PATH));

        x.answer(TOKEN_PATH, Answer.json(200, T));
        clock.advance(Duration.ofHours(1));
        assertEquals("T", client.tokenAsync().toCompletableFuture().get(10, TimeUnit.SECONDS).value());
        assertEquals(2, x.calls(TOKEN_PATH), "the failure was not cached");
    }

    @Test
    void blockingAndAsyncCallersTogetherCauseOneRequest() throws Exception {
        x.answer(TOKEN_PATH, Answer.json(200, T));
        DefaultAppOnlyTokenClient client = client();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> blocking = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Thread t = new Thread(() -> seen.add(client.token().value()));
            t.start();
            blocking.add(t);
        }
        List<CompletionStage<BearerToken>> stages = asyncCallers(client, 100);
        awaitCalls(1);
        answer.countDown();
        seen.addAll(values(stages));
        for (Thread t : blocking) {
            t.join(10_000);
        }
        assertEquals(Set.of("T"), seen);
        assertEquals(1, x.calls(TOKEN_PATH));
    }

    @Test
    void tokenWithExpiryIsRenewedOnceForABurstOfAsyncCallers() throws Exception {
        answer.countDown();
        x.answer(TOKEN_PATH, Answer.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"T\",\"expires_in\":3600}"));
        DefaultAppOnlyTokenClient client = client();
        client.tokenAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(59)); // within the default skew of the expiry
        assertEquals(Set.of("T"), values(asyncCallers(client, 50)));
        assertEquals(2, x.calls(TOKEN_PATH));
    }

    private DefaultAppOnlyTokenClient client() {
        return new DefaultAppOnlyTokenClient(AppOnlySettings.read(ConfigReader.of(Map.of(
                "passerine.app-only.api-key", KEY,
                "passerine.app-only.api-secret", SECRET,
                "passerine.app-only.token-uri", x.uri(TOKEN_PATH).toString())), ""), clock);
    }

    /** {@code n} threads released at once, each calling tokenAsync() once; returns when every one has ended. */
    private static List<CompletionStage<BearerToken>> asyncCallers(DefaultAppOnlyTokenClient client, int n)
            throws InterruptedException {
        List<CompletionStage<BearerToken>> stages = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                CompletionStage<BearerToken> s = client.tokenAsync();
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
            assertFalse(t.isAlive(), t.getName() + " is held: " + Arrays.toString(t.getStackTrace()));
        }
        assertEquals(n, stages.size());
        return stages;
    }

    /** Names of live threads (but this test's) with a Passerine token-client frame on their stack. */
    private static List<String> threadsInsidePasserine() {
        List<String> names = new ArrayList<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t != Thread.currentThread() && Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("io.passerine.apponly"))) {
                names.add(t.getName());
            }
        });
        return names;
    }

    private static long fetchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(LibraryExecutor.THREAD_PREFIX)).count();
    }

    private void awaitCalls(int n) throws InterruptedException {
        for (int i = 0; i < 200 && x.calls(TOKEN_PATH) < n; i++) {
            Thread.sleep(50); // waits for the request to arrive, never for an expiry
        }
        assertEquals(n, x.calls(TOKEN_PATH));
    }

    private static Set<String> values(List<CompletionStage<BearerToken>> stages) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (CompletionStage<BearerToken> s : stages) {
            seen.add(s.toCompletableFuture().get(10, TimeUnit.SECONDS).value());
        }
        return seen;
    }
}
