package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.internal.cluster.Sealer;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.LoginSettings;
import io.passerine.testing.MutableClock;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link TransactionStores}: each request's store is configured from the settings (cookie name, Secure, Max-Age,
 * pending logins) and all of them share one record of used states, so a callback is accepted once per JVM.
 */
class TransactionStoresTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    /** The browser's cookie jar. */
    private final Map<String, String> jar = new HashMap<>();
    private final List<String> setCookies = new ArrayList<>();

    private static LoginSettings settings(String redirectUri, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of("passerine.login.client-id", "c",
                "passerine.login.redirect-uri", redirectUri));
        m.putAll(extra);
        return LoginSettings.from(ConfigReader.of(m));
    }

    private static TransactionStores stores(LoginSettings settings, ClusterSettings cluster) {
        return new TransactionStores(settings, cluster, MutableClock.startingAt("2026-01-01T00:00:00Z"),
                UsedStates.local(), Sealer.of(cluster));
    }

    /** The store of one request of the browser; its Set-Cookie headers go into the jar. */
    private TransactionStore open(TransactionStores stores) {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getCookies" -> jar.entrySet().stream().map(e -> new Cookie(e.getKey(), e.getValue()))
                            .toArray(Cookie[]::new);
                    case "getContextPath" -> "/ctx";
                    default -> null;
                });
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    if (m.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        String h = (String) args[1];
                        setCookies.add(h);
                        String pair = h.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (h.contains("Max-Age=0;")) {
                            jar.remove(pair.substring(0, eq));
                        } else {
                            jar.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                    return null;
                });
        return stores.open(req, res);
    }

    private LoginTransaction tx(String path) {
        return LoginTransaction.start(path, List.of("tweet.read"), clock.instant());
    }

    @Test
    void aTransactionSavedInOneRequestIsTakenOnceInAnother() {
        TransactionStores stores = stores(settings("https://app.example/ctx/cb", Map.of()), ClusterSettings.NONE);
        LoginTransaction tx = tx("/ctx/me");
        open(stores).save(tx);
        Map<String, String> copy = new HashMap<>(jar); // an attacker's (or a second tab's) replay of the cookie

        Optional<LoginTransaction> taken = open(stores).take(tx.state());
        assertEquals(Optional.of("/ctx/me"), taken.map(LoginTransaction::returnPath));
        assertTrue(jar.isEmpty(), "the cookie is cleared");
        jar.putAll(copy);
        assertTrue(open(stores).take(tx.state()).isEmpty(), "the same state again, through another request's store");
    }

    @Test
    void cookieAttributesComeFromTheSettings() {
        ClusterSettings cluster = ClusterSettings.from(ConfigReader.of(Map.of(
                "passerine.login.transaction-cookie", "my_tx")));
        open(stores(settings("https://app.example/ctx/cb", Map.of("passerine.login.transaction-max-age", "5m")),
                cluster)).save(tx("/ctx/a"));
        String h = setCookies.get(0);
        assertTrue(h.startsWith("my_tx_"), h);
        assertTrue(h.contains("Max-Age=300;"), h);
        assertTrue(h.contains("Path=/ctx;"), h);
        assertTrue(h.endsWith("; Secure"), "an https redirect URI: " + h);

        setCookies.clear();
        open(stores(settings("http://localhost:9080/ctx/cb", Map.of()), ClusterSettings.NONE)).save(tx("/ctx/a"));
        assertFalse(setCookies.get(0).contains("Secure"), "an http redirect URI (development): " + setCookies);
    }

    @Test
    void pendingLoginsAreCappedAsConfigured() {
        TransactionStores stores = stores(settings("https://app.example/ctx/cb",
                Map.of("passerine.login.max-pending-logins", "2")), ClusterSettings.NONE);
        for (int i = 0; i < 4; i++) {
            clock.advance(java.time.Duration.ofSeconds(1));
            open(stores).save(tx("/ctx/" + i));
        }
        assertEquals(2, jar.size(), "the two newest pending logins stay: " + jar.keySet());
    }

    @Test
    void aStoreOfAnotherJvmCannotOpenTheCookie() {
        LoginSettings s = settings("https://app.example/ctx/cb", Map.of());
        LoginTransaction tx = tx("/ctx/me");
        open(stores(s, ClusterSettings.NONE)).save(tx);
        assertTrue(open(stores(s, ClusterSettings.NONE)).take(tx.state()).isEmpty(),
                "without configured keys each JVM seals with a random key of its own");
    }
}
