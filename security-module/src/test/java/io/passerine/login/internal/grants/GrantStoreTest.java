package io.passerine.login.internal.grants;

import io.passerine.login.internal.GrantedTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.ProviderException;
import io.passerine.api.BearerToken;
import io.passerine.internal.cluster.Sealer;
import io.passerine.login.GrantException;
import io.passerine.login.GrantException.Reason;
import io.passerine.login.StoredGrant;
import io.passerine.testing.MutableClock;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Issue 17: the grant store on H2 — sealing, single-flight refresh across nodes, revocation, keys, failures. */
class GrantStoreTest {

    static final Set<String> SCOPES = Set.of("tweet.read", "users.read", "offline.access");
    static final byte[] KEY_A = key();
    static final byte[] KEY_B = key();

    final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    final H2Connections db = new H2Connections();
    final RotatingProvider x = new RotatingProvider(clock);

    static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    GrantStore node(List<byte[]> keys) {
        return node(db, keys, Duration.ofSeconds(60));
    }

    GrantStore node(Connections c, List<byte[]> keys, Duration cacheTtl) {
        return new GrantStore(c, "passerine_grants", true, new Sealer(keys), x, clock, Duration.ofSeconds(60),
                cacheTtl, Duration.ofSeconds(10));
    }

    @Test
    void storedGrantGivesItsAccessTokenAndTheTableHoldsNoToken() throws Exception {
        GrantStore store = node(List.of(KEY_A));
        GrantedTokens t = x.issue(SCOPES);
        store.save("2244994945", t);
        assertEquals("AT-secret-1", store.accessToken("2244994945").value());
        assertEquals(0, x.refreshes.get());
        List<String> dump = db.dump("passerine_grants");
        assertTrue(dump.contains("2244994945"), "the row is there: " + dump.size());
        assertTrue(dump.stream().noneMatch(v -> v.contains("secret")), "a raw SELECT shows no token");
        assertEquals(SCOPES, store.find("2244994945").orElseThrow().scopes());
    }

    @Test
    void twentyCallersOnTwoNodesRefreshADueGrantExactlyOnce() throws Exception {
        GrantStore a = node(List.of(KEY_A));
        GrantStore b = node(List.of(KEY_A));
        a.save("42", x.issue(SCOPES));
        clock.advance(Duration.ofHours(2)); // due
        x.delayMillis = 200; // X is slow: every caller arrives while the refresh is in flight
        List<BearerToken> got = concurrently(20, i -> (i % 2 == 0 ? a : b).accessToken("42"));
        assertEquals(1, x.refreshes.get(), "exactly one refresh for 20 callers on 2 nodes");
        assertTrue(got.stream().allMatch(g -> g.value().equals("AT-secret-2")), "all got the refreshed token");
        clock.advance(Duration.ofMinutes(1));
        GrantStore c = node(List.of(KEY_A)); // a third node reads the rotated refresh token from the row
        clock.advance(Duration.ofHours(2));
        x.delayMillis = 0;
        assertEquals("AT-secret-3", c.accessToken("42").value());
        assertEquals(2, x.refreshes.get());
    }

    @Test
    void aGrantRevokedAtXFailsTypedAndIsMarked() {
        GrantStore store = node(List.of(KEY_A));
        GrantedTokens t = x.issue(SCOPES);
        store.save("7", t);
        x.revokeAtProvider(t);
        clock.advance(Duration.ofHours(2));
        GrantException e = assertThrows(GrantException.class, () -> store.accessToken("7"));
        assertEquals(Reason.REVOKED, e.reason());
        assertEquals("7", e.userId());
        assertTrue(e.getMessage().contains("log in again"), e.getMessage());
        assertTrue(store.find("7").orElseThrow().revoked(), "marked in the store");
        assertEquals(Reason.REVOKED, assertThrows(GrantException.class, () -> node(List.of(KEY_A))
                .accessToken("7")).reason());
        assertEquals(1, x.refreshes.get(), "a marked grant is not refreshed again");
    }

    @Test
    void theWrongKeyFailsClearlyAndLeavesTheRowUntouched() throws Exception {
        node(List.of(KEY_A)).save("8", x.issue(SCOPES));
        String before = db.sealed("8");
        clock.advance(Duration.ofHours(2));
        GrantException e = assertThrows(GrantException.class, () -> node(List.of(KEY_B)).accessToken("8"));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("passerine.grants.keys"), e.getMessage());
        assertEquals(before, db.sealed("8"), "not overwritten");
        assertEquals(0, x.refreshes.get());
    }

    @Test
    void rotatedKeysOpenOldGrantsAndTheRefreshSealsUnderTheNewKey() {
        node(List.of(KEY_A)).save("9", x.issue(SCOPES));
        GrantStore rotated = node(List.of(KEY_B, KEY_A));
        assertEquals("AT-secret-1", rotated.accessToken("9").value());
        clock.advance(Duration.ofHours(2));
        assertEquals("AT-secret-2", rotated.accessToken("9").value());
        assertEquals("AT-secret-2", node(List.of(KEY_B)).accessToken("9").value(), "now sealed under the new key");
    }

    @Test
    void disconnectRevokesAtXAndDeletesTheRow() throws Exception {
        GrantStore store = node(List.of(KEY_A));
        store.save("10", x.issue(SCOPES));
        assertTrue(store.revoke("10"));
        assertEquals(1, x.revoked.size());
        assertEquals("RT-secret-1", x.revoked.get(0).refreshToken());
        assertTrue(db.dump("passerine_grants").isEmpty(), "row deleted");
        assertFalse(store.revoke("10"));
        assertEquals(Reason.NOT_STORED, assertThrows(GrantException.class, () -> store.accessToken("10")).reason());
    }

    @Test
    void aNewLoginReplacesAndRevokesTheEarlierGrant() {
        GrantStore store = node(List.of(KEY_A));
        store.save("11", x.issue(SCOPES));
        store.save("11", x.issue(SCOPES));
        assertEquals(List.of("RT-secret-1"), x.revoked.stream().map(GrantedTokens::refreshToken).toList());
        assertEquals("AT-secret-2", store.accessToken("11").value());
    }

    @Test
    void aTransientFailureKeepsTheGrantAndTheNextCallTriesAgain() {
        GrantStore store = node(List.of(KEY_A));
        store.save("12", x.issue(SCOPES));
        clock.advance(Duration.ofHours(2));
        x.failNext = RotatingProvider.unavailable();
        assertEquals(ProviderException.Failure.REJECTED, assertThrows(ProviderException.class,
                () -> store.accessToken("12")).failure());
        assertEquals("AT-secret-2", store.accessToken("12").value(), "lease released: the next call refreshes");
        assertEquals(2, x.refreshes.get());
    }

    @Test
    void aCrashedNodesLeaseRunsOut() throws Exception {
        GrantStore store = node(List.of(KEY_A));
        store.save("13", x.issue(SCOPES));
        clock.advance(Duration.ofHours(2));
        long until = clock.instant().plusSeconds(5).toEpochMilli();
        db.execute("UPDATE passerine_grants SET lease_owner = 'crashed', lease_until = " + until);
        clock.advance(Duration.ofSeconds(6));
        assertEquals("AT-secret-2", store.accessToken("13").value());
        assertEquals(1, x.refreshes.get());
    }

    @Test
    void aCachedTokenCostsNoDatabaseRoundTrip() {
        GrantStore store = node(List.of(KEY_A));
        store.save("14", x.issue(SCOPES));
        store.accessToken("14");
        int opened = db.opened.get();
        for (int i = 0; i < 100; i++) {
            store.accessToken("14");
        }
        assertEquals(opened, db.opened.get());
        clock.advance(Duration.ofSeconds(61)); // cache-ttl over: read the row again (a disconnect elsewhere shows)
        store.accessToken("14");
        assertEquals(opened + 1, db.opened.get());
    }

    @Test
    void expiredWithoutRefreshTokenSaysSo() {
        GrantStore store = node(List.of(KEY_A));
        store.save("15", new GrantedTokens("AT-x", clock.instant().plusSeconds(600), null, Set.of("tweet.read")));
        clock.advance(Duration.ofHours(1));
        assertEquals(Reason.EXPIRED, assertThrows(GrantException.class, () -> store.accessToken("15")).reason());
    }

    @Test
    void pagesInUserIdOrder() {
        GrantStore store = node(List.of(KEY_A));
        for (String id : List.of("30", "10", "20", "40", "50")) {
            store.save(id, x.issue(SCOPES));
        }
        List<String> first = store.page(null, 2).stream().map(StoredGrant::userId).toList();
        List<String> second = store.page("20", 2).stream().map(StoredGrant::userId).toList();
        assertEquals(List.of("10", "20"), first);
        assertEquals(List.of("30", "40"), second);
        assertEquals(List.of("50"), store.page("40", 1000).stream().map(StoredGrant::userId).toList());
        assertThrows(IllegalArgumentException.class, () -> store.page(null, 0));
    }

    @Test
    void badUserIdsAreRefused() {
        GrantStore store = node(List.of(KEY_A));
        for (String bad : new String[] {null, "", "a b", "x".repeat(65), "1' OR '1'='1"}) {
            assertThrows(IllegalArgumentException.class, () -> store.accessToken(bad));
        }
    }

    @Test
    void aMissingTableAndADatabaseDownFailClearly() {
        GrantStore noCreate = new GrantStore(db, "passerine_grants", false, new Sealer(List.of(KEY_A)), x, clock,
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10));
        GrantException missing = assertThrows(GrantException.class, () -> noCreate.accessToken("16"));
        assertEquals(Reason.STORE_FAILED, missing.reason());
        assertTrue(missing.getMessage().contains("no usable table passerine_grants")
                && missing.getMessage().contains("passerine.grants.create-table"), missing.getMessage());
        Connections down = new Connections() {
            @Override
            public java.sql.Connection open() throws SQLException {
                throw new SQLException("Connection refused", "08001");
            }

            @Override
            public String name() {
                return "jdbc/down";
            }
        };
        GrantException e = assertThrows(GrantException.class,
                () -> node(down, List.of(KEY_A), Duration.ZERO).accessToken("16"));
        assertEquals(Reason.STORE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("jdbc/down cannot be reached"), e.getMessage());
    }

    @Test
    void aSealedValueCannotBeMovedToAnotherUser() throws Exception {
        GrantStore store = node(List.of(KEY_A));
        store.save("17", x.issue(SCOPES));
        store.save("18", x.issue(SCOPES));
        db.execute("UPDATE passerine_grants SET tokens = '" + db.sealed("17") + "' WHERE user_id = '18'");
        GrantStore fresh = node(List.of(KEY_A));
        assertEquals(Reason.UNREADABLE, assertThrows(GrantException.class, () -> fresh.accessToken("18")).reason());
    }

    private static <T> List<T> concurrently(int n, IndexedCall<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> c = () -> {
                    start.await();
                    return call.run(index);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface IndexedCall<T> {
        T run(int index) throws Exception;
    }
}
