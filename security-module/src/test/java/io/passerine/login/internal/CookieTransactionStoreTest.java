package io.passerine.login.internal;

import io.passerine.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.testing.HazelcastPair;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cookie store: attributes of the cookie, one-time use on one node and across two (Hazelcast) nodes. */
class CookieTransactionStoreTest {

    final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    final TransactionCookieCodec codec = new TransactionCookieCodec(List.of(TransactionCookieCodecTest.key()));
    final List<String> setCookies = new ArrayList<>();

    @Test
    void cookieAttributes() {
        LoginTransaction tx = LoginTransaction.start("/app/x", List.of("a"), clock.instant());
        store(UsedStates.local(), true, new Cookie[0]).save(tx);
        String h = setCookies.get(0);
        assertTrue(h.startsWith("passerine_tx_"), h);
        assertTrue(h.contains("; Max-Age=600; Path=/app; HttpOnly; SameSite=Lax; Secure"), h);
        assertFalse(h.contains(tx.state()), h);
        setCookies.clear();
        store(UsedStates.local(), false, new Cookie[0]).save(tx);
        assertFalse(setCookies.get(0).contains("Secure"), "http redirect URI: no Secure");
    }

    @Test
    void atMostFivePendingLoginCookiesTheOldestGoFirst() {
        List<Cookie> jar = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofSeconds(1));
            Cookie c = save(LoginTransaction.start("/app/" + i, List.of("a"), clock.instant()))[0];
            jar.add(c);
            names.add(c.getName());
        }
        setCookies.clear();
        store(UsedStates.local(), false, jar.toArray(new Cookie[0]))
                .save(LoginTransaction.start("/app/new", List.of("a"), clock.instant()));
        List<String> cleared = setCookies.stream().filter(h -> h.contains("=; Max-Age=0"))
                .map(h -> h.substring(0, h.indexOf('='))).toList();
        assertEquals(names.subList(0, 3), cleared, "7 pending + 1 new, 5 kept: the 3 oldest cleared");
    }

    /** Issue 20: five pending logins with full forms would make a 15 KiB Cookie header; only the newest keeps one. */
    @Test
    void onlyTheNewestPendingLoginKeepsAForm() {
        FormData form = FormData.parse(TransactionCookieCodecTest.FULL_FORM, 2048).orElseThrow();
        LoginTransaction older = LoginTransaction.start("/app/a", List.of("a"), clock.instant())
                .withForm(java.util.Optional.of(form));
        Cookie[] jar = save(older);
        assertTrue(jar[0].getValue().length() > 2500, "a full form: " + jar[0].getValue().length());
        clock.advance(Duration.ofMinutes(3));
        setCookies.clear();
        LoginTransaction newer = LoginTransaction.start("/app/b", List.of("a"), clock.instant())
                .withForm(java.util.Optional.of(form));
        store(UsedStates.local(), false, jar).save(newer);
        assertEquals(2, setCookies.size(), setCookies.toString());
        String resealed = setCookies.get(0);
        assertTrue(resealed.startsWith(jar[0].getName() + "="), resealed);
        assertTrue(resealed.contains("; Max-Age=420;"), "what is left of its 10 minutes: " + resealed);
        String value = resealed.substring(resealed.indexOf('=') + 1, resealed.indexOf(';'));
        assertTrue(value.length() < 400, "sealed again without its form: " + value.length());
        LoginTransaction back = store(UsedStates.local(), false, new Cookie[] {new Cookie(jar[0].getName(), value)})
                .take(older.state()).orElseThrow();
        assertEquals("/app/a", back.returnPath());
        assertTrue(back.form().isEmpty());
        assertTrue(setCookies.get(1).length() > 2500, "the newest keeps its form");
        setCookies.clear();
        store(UsedStates.local(), false, jar).save(LoginTransaction.start("/app/c", List.of("a"), clock.instant()));
        assertEquals(1, setCookies.size(), "a login without a form leaves the others alone");
    }

    @Test
    void oneTimeOnOneNode() {
        UsedStates used = UsedStates.local();
        LoginTransaction tx = LoginTransaction.start("/app/x", List.of("a"), clock.instant());
        Cookie[] jar = save(tx);
        assertEquals(tx.state(), store(used, false, jar).take(tx.state()).orElseThrow().state());
        assertTrue(setCookies.get(setCookies.size() - 1).contains("=; Max-Age=0"), "cookie cleared");
        assertTrue(store(used, false, jar).take(tx.state()).isEmpty(), "replayed with the captured cookie");
    }

    @Test
    void wrongStateUnknownCookieOrExpiredAreRejected() {
        UsedStates used = UsedStates.local();
        LoginTransaction tx = LoginTransaction.start("/app/x", List.of("a"), clock.instant());
        Cookie[] jar = save(tx);
        assertTrue(store(used, false, jar).take("other-state").isEmpty());
        assertTrue(store(used, false, new Cookie[0]).take(tx.state()).isEmpty());
        assertTrue(store(used, false, jar).take(null).isEmpty());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(store(used, false, jar).take(tx.state()).isEmpty(), "expired");
    }

    @Test
    void oneTimeAcrossTwoNodesWithASharedCache() throws Exception {
        HazelcastPair hz = HazelcastPair.get();
        String cache = "used-" + UUID.randomUUID();
        UsedStates nodeA = UsedStates.shared(hz.nodeA(cache, Duration.ofMinutes(20)));
        UsedStates nodeB = UsedStates.shared(hz.nodeB(cache, Duration.ofMinutes(20)));
        LoginTransaction tx = LoginTransaction.start("/app/x", List.of("a"), clock.instant());
        Cookie[] jar = save(tx);
        assertTrue(store(nodeB, false, jar).take(tx.state()).isPresent(), "callback on node B");
        assertTrue(store(nodeA, false, jar).take(tx.state()).isEmpty(), "replayed on node A");
        assertTrue(store(nodeB, false, jar).take(tx.state()).isEmpty(), "replayed on node B");
        // 50 concurrent replays of a fresh transaction over both nodes: exactly one is accepted
        LoginTransaction tx2 = LoginTransaction.start("/app/y", List.of("a"), clock.instant());
        Cookie[] jar2 = save(tx2);
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 50; i++) {
            UsedStates node = i % 2 == 0 ? nodeA : nodeB;
            Thread t0 = new Thread(() -> {
                if (store(node, false, jar2).take(tx2.state()).isPresent()) {
                    accepted.incrementAndGet();
                }
            });
            t0.start();
            threads.add(t0);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, accepted.get());
    }

    private Cookie[] save(LoginTransaction tx) {
        setCookies.clear();
        store(UsedStates.local(), false, new Cookie[0]).save(tx);
        String h = setCookies.get(0);
        String pair = h.substring(0, h.indexOf(';'));
        return new Cookie[] {new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1))};
    }

    private CookieTransactionStore store(UsedStates used, boolean secure, Cookie[] cookies) {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getCookies" -> cookies;
                    case "getContextPath" -> "/app";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    if (m.getName().equals("addHeader") && "Set-Cookie".equals(a[0])) {
                        synchronized (setCookies) {
                            setCookies.add((String) a[1]);
                        }
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return new CookieTransactionStore(req, res, codec, used, clock, Duration.ofMinutes(10), "passerine_tx",
                secure, 5);
    }
}
