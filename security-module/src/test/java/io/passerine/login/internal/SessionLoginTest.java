package io.passerine.login.internal;

import io.passerine.testing.InMemoryMetrics;
import io.passerine.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.passerine.internal.cluster.Sealer;
import io.passerine.ProviderException;
import io.passerine.login.LoginRequiredException;
import io.passerine.login.internal.FakeProvider.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checklist §Login row 15: single-flight refresh with rotation, rejected refresh, no refresh token. */
class SessionLoginTest {

    static final String TOKEN = "/2/oauth2/token";
    static final Duration SKEW = Duration.ofSeconds(60);
    static final UserInfo USER = new UserInfo("jack", "1", "jack", "Jack");

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private FakeProvider provider;

    @AfterEach
    void stop() {
        provider.close();
    }

    private final InMemoryMetrics otel = new InMemoryMetrics();

    private Refresher refresher() {
        return new Refresher(new TokenEndpoint(provider.settings(Map.of()), clock, otel.metrics()));
    }

    private GrantedTokens expiringIn(Duration d, String refresh) {
        return new GrantedTokens("AT-0", clock.instant().plus(d), refresh, Set.of("tweet.read", "offline.access"));
    }

    @Test
    void logoutDuringARefreshRevokesTheRotatedTokensInsteadOfKeepingThem() throws Exception {
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch loggedOut = new CountDownLatch(1);
        provider = new FakeProvider().on(TOKEN, c -> {
            refreshing.countDown();
            loggedOut.await(10, java.util.concurrent.TimeUnit.SECONDS);
            return Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-9\","
                    + "\"refresh_token\":\"RT-9\",\"scope\":\"tweet.read offline.access\"}");
        }).on("/2/oauth2/revoke", c -> Reply.json(200, "{}"));
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ZERO, "RT-0"));
        Refresher refresher = refresher();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<GrantedTokens> request = pool.submit(() -> st.current(clock, SKEW, refresher));
        refreshing.await(10, java.util.concurrent.TimeUnit.SECONDS);
        st.drop(); // the user logs out while X is answering the refresh
        loggedOut.countDown();
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> request.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof io.passerine.login.LoginRequiredException, e.toString());
        pool.shutdown();
        assertEquals(null, st.peek());
        assertEquals(2, provider.count("/2/oauth2/revoke"), "the rotated refresh and access token are revoked");
    }

    @Test
    void fiftyConcurrentRequestsCauseExactlyOneRefreshAndStoreTheRotatedToken() throws Exception {
        AtomicInteger n = new AtomicInteger();
        provider = new FakeProvider().on(TOKEN, c -> {
            Thread.sleep(200); // keep the refresh in flight while the others arrive
            int i = n.incrementAndGet();
            return Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-" + i
                    + "\",\"refresh_token\":\"RT-" + i + "\",\"scope\":\"tweet.read offline.access\"}");
        });
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ofHours(2), "RT-0"));
        Refresher refresher = refresher();
        assertEquals("AT-0", st.current(clock, SKEW, refresher).accessToken(), "valid token: no call");
        clock.advance(Duration.ofHours(2));

        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<GrantedTokens>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return st.current(clock, SKEW, refresher);
            }));
        }
        go.countDown();
        for (Future<GrantedTokens> f : results) {
            assertEquals("AT-1", f.get().accessToken());
        }
        pool.shutdown();
        assertEquals(1, provider.count(TOKEN), "exactly one refresh call");
        assertEquals("RT-1", st.peek().refreshToken(), "rotated refresh token stored");
        assertEquals(List.of("refresh_token"), FakeProvider.form(provider.calls.get(0)).get("grant_type"));
        assertEquals(List.of("RT-0"), FakeProvider.form(provider.calls.get(0)).get("refresh_token"));
        assertSame(st.peek(), st.current(clock, SKEW, refresher), "fresh token: cached path");
        assertEquals(1, provider.count(TOKEN));
        assertEquals(1, otel.value("passerine.refreshes", "passerine.outcome", "refreshed"), otel.dump());
        assertEquals(1, otel.value("passerine.token.requests", "passerine.client", "login",
                "passerine.grant", "refresh_token"));
    }

    @Test
    void tokenInsideTheSkewIsRefreshedAndAMissingNewRefreshTokenKeepsTheOld() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(200,
                "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-9\"}"));
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ofSeconds(30), "RT-0"));
        GrantedTokens t = st.current(clock, SKEW, refresher());
        assertEquals("AT-9", t.accessToken());
        assertEquals("RT-0", t.refreshToken());
        assertEquals(Instant.parse("2026-01-01T02:00:00Z"), t.expiresAt());
        assertEquals(Set.of("tweet.read", "offline.access"), t.scopes(),
                "a refresh answer without scope keeps the previous grant (RFC 6749 §6: it cannot widen it)");
    }

    @Test
    void rejectedRefreshDropsTokensAndAsksForLogin() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(400,
                "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was invalid.\"}"));
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ZERO, "RT-0"));
        LoginRequiredException e = assertThrows(LoginRequiredException.class,
                () -> st.current(clock, SKEW, refresher()));
        TokenEndpointTest.assertNoSecret(e.getMessage());
        assertNull(st.peek());
        assertThrows(LoginRequiredException.class, () -> st.current(clock, SKEW, refresher()));
        assertEquals(1, provider.count(TOKEN));
        assertEquals(1, otel.value("passerine.refreshes", "passerine.outcome", "login_required"), otel.dump());
        assertEquals(1, otel.value("passerine.token.failures", "passerine.grant", "refresh_token",
                "error.type", "rejected"));
    }

    @Test
    void noRefreshTokenAsksForLoginWithoutACall() throws Exception {
        provider = new FakeProvider();
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ZERO, null));
        assertThrows(LoginRequiredException.class, () -> st.current(clock, SKEW, refresher()));
        assertEquals(0, provider.count(TOKEN));
        assertNull(st.peek());
        assertEquals(1, otel.value("passerine.refreshes", "passerine.outcome", "login_required"));
        assertEquals(0, otel.value("passerine.token.requests"), "no call, no token request counted");
    }

    @Test
    void transientFailureKeepsTokensForTheNextTry() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(503, "{}"));
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ZERO, "RT-0"));
        assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher()));
        assertEquals("RT-0", st.peek().refreshToken());
        provider.on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"AT-5\"}"));
        clock.advance(Duration.ofSeconds(1)); // after the session's backoff (see the backoff tests below)
        assertEquals("AT-5", st.current(clock, SKEW, refresher()).accessToken());
        assertEquals(2, provider.count(TOKEN));
    }

    @Test
    void aSerializedSessionHoldsTheTokensOnlySealed() throws Exception {
        provider = new FakeProvider();
        Sealer keys = Sealer.random();
        SessionLogin.sealWith(keys);
        GrantedTokens t = new GrantedTokens("AT-very-secret-access", clock.instant().plusSeconds(7200), "RT-very-secret-refresh",
                Set.of("tweet.read"));
        byte[] stored = serialize(new SessionLogin(USER, t));
        String raw = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("very-secret"), "checklist 33, no token in a serialized session");
        assertTrue(raw.contains("jack"), "the user is there, in clear");

        SessionLogin back = deserialize(stored);
        assertEquals(t, back.peek(), "the same keys open it");
        assertEquals("jack", back.user().principal());

        SessionLogin.sealWith(Sealer.random()); // another node without the same passerine.keys
        assertNull(deserialize(stored).peek(), "other keys: logged out, never an exception");
        SessionLogin.sealWith(keys);
    }

    /**
     * Passerine 0.1 wrote this attribute as {@code SessionTokens}, with the same serialVersionUID and fields: a
     * session persisted or replicated before the upgrade still restores, with its tokens.
     */
    @Test
    void aSessionSerializedBy01StillRestores() throws Exception {
        provider = new FakeProvider();
        Sealer keys = Sealer.random();
        SessionLogin.sealWith(keys);
        GrantedTokens t = new GrantedTokens("AT-1", clock.instant().plusSeconds(7200), "RT-1", Set.of("tweet.read"));
        byte[] stored = withClassName(serialize(new SessionLogin(USER, t, Set.of("admin"))),
                SessionLogin.class.getName(), "io.passerine.login.internal.SessionTokens");

        SessionLogin back = deserialize(stored);
        assertEquals(t, back.peek());
        assertEquals("jack", back.user().principal());
        assertEquals(Set.of("admin"), back.appGroups());
        assertEquals("AT-1", back.current(clock, SKEW, refresher()).accessToken(), "usable, no refresh");
    }

    /** The stream with the class descriptor's name (a modified-UTF-8 string, 2-byte length first) replaced. */
    private static byte[] withClassName(byte[] stream, String from, String to) {
        byte[] f = utf(from);
        for (int i = 0; i + f.length <= stream.length; i++) {
            if (java.util.Arrays.equals(stream, i, i + f.length, f, 0, f.length)) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                out.write(stream, 0, i);
                out.writeBytes(utf(to));
                out.write(stream, i + f.length, stream.length - i - f.length);
                return out.toByteArray();
            }
        }
        throw new AssertionError(from + " not in the stream");
    }

    private static byte[] utf(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] r = new byte[b.length + 2];
        r[0] = (byte) (b.length >> 8);
        r[1] = (byte) b.length;
        System.arraycopy(b, 0, r, 2, b.length);
        return r;
    }

    private static byte[] serialize(SessionLogin st) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(st);
        }
        return bytes.toByteArray();
    }

    private static SessionLogin deserialize(byte[] stored) throws Exception {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(stored))) {
            return (SessionLogin) in.readObject();
        }
    }

    @Test
    void transientRefreshFailuresBackOffPerSessionInsteadOfCallingOnEveryRequest() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(503, "{\"title\":\"Service Unavailable\"}"));
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ZERO, "RT-0"));
        Refresher refresher = refresher(); // backoff 1 s doubling up to 5 min (the defaults)
        assertEquals(ProviderException.Failure.REJECTED,
                assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher)).failure());
        for (int i = 0; i < 10; i++) {
            ProviderException e = assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher));
            assertEquals(ProviderException.Failure.BACKING_OFF, e.failure());
            assertEquals(clock.instant().plusSeconds(1), e.retryAfter().orElseThrow());
        }
        assertEquals(1, provider.count(TOKEN), "ten requests in the backoff window: no call");
        clock.advance(Duration.ofSeconds(1));
        assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher));
        assertEquals(2, provider.count(TOKEN));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(ProviderException.Failure.BACKING_OFF,
                assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher)).failure(),
                "the second failure doubles the wait to 2 s");
        assertEquals(2, provider.count(TOKEN));
        clock.advance(Duration.ofSeconds(1));
        provider.on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                + "\"access_token\":\"AT-7\",\"refresh_token\":\"RT-7\",\"scope\":\"tweet.read\"}"));
        assertEquals("AT-7", st.current(clock, SKEW, refresher).accessToken());
        assertEquals(3, provider.count(TOKEN));
        assertEquals("RT-0", FakeProvider.form(provider.calls.get(2)).get("refresh_token").get(0),
                "the backoff never dropped the refresh token");
        assertEquals(2, otel.value("passerine.refreshes", "passerine.outcome", "failed"),
                "two failed calls; the refusals inside the backoff count nothing: " + otel.dump());
    }

    @Test
    void theBackoffIsCappedAndResetBySuccessAnd429IsTransientToo() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(429, "{\"title\":\"Too Many Requests\"}"));
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ZERO, "RT-0"));
        Refresher refresher = new Refresher(new TokenEndpoint(provider.settings(Map.of(
                "passerine.login.refresh-backoff-min", "1s", "passerine.login.refresh-backoff-max", "4s")), clock));
        for (int i = 0; i < 6; i++) {
            ProviderException e = assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher));
            assertEquals(ProviderException.Failure.REJECTED, e.failure(), "try " + i);
            ProviderException wait = assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher));
            Duration d = Duration.between(clock.instant(), wait.retryAfter().orElseThrow());
            assertEquals(Duration.ofSeconds(Math.min(4, 1L << i)), d, "try " + i);
            clock.advance(d);
        }
        assertEquals(6, provider.count(TOKEN));
    }

    @Test
    void whileTheRefreshFailsAStillValidAccessTokenKeepsServing() throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> Reply.json(502, "<html>bad gateway</html>"));
        SessionLogin st = new SessionLogin(USER, expiringIn(Duration.ofSeconds(30), "RT-0")); // inside the skew
        Refresher refresher = refresher();
        assertEquals("AT-0", st.current(clock, SKEW, refresher).accessToken(), "still valid for 30 s: used");
        assertEquals("AT-0", st.current(clock, SKEW, refresher).accessToken());
        assertEquals(1, provider.count(TOKEN), "the second request is inside the backoff: no call");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(ProviderException.Failure.REJECTED,
                assertThrows(ProviderException.class, () -> st.current(clock, SKEW, refresher)).failure(),
                "expired now, and the backoff is over: one more call, whose failure the caller sees");
        assertEquals(2, provider.count(TOKEN));
    }
}
