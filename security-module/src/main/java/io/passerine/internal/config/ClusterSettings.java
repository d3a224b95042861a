package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What makes Passerine cluster-safe, all optional (absent = one JVM, the defaults): {@code passerine.keys} (formerly
 * {@code passerine.login.transaction-keys}; AES-256 keys that seal login transaction cookies, shared cache entries
 * and session-held tokens the same way on every node; required with a shared cache), {@code passerine.login.cache} and {@code passerine.app-only.cache} ({@code jcache:<cache name>}: a JSR-107
 * cache shared by the nodes). {@link #toString()} shows no key.
 */
public record ClusterSettings(List<byte[]> transactionKeys, String transactionCookie, Optional<String> loginCache,
        Optional<String> appOnlyCache) {

    /** AES-256 keys that seal what leaves the JVM (transaction cookies, shared cache entries, session tokens). */
    public static final String KEYS = "passerine.keys";
    /** The older name of {@link #KEYS}, still read when {@code passerine.keys} is absent. */
    static final String TRANSACTION_KEYS = "passerine.login.transaction-keys";
    static final String TRANSACTION_COOKIE = "passerine.login.transaction-cookie";
    public static final String LOGIN_CACHE = "passerine.login.cache";
    static final String APP_ONLY_CACHE = "passerine.app-only.cache";

    /** Nothing shared: session-held transactions, per-JVM caches. */
    public static final ClusterSettings NONE = new ClusterSettings(List.of(), "passerine_tx", Optional.empty(),
            Optional.empty());

    public ClusterSettings {
        transactionKeys = List.copyOf(transactionKeys);
    }

    public static ClusterSettings from(ConfigReader c) {
        String keysKey = c.optional(KEYS).isPresent() ? KEYS : TRANSACTION_KEYS;
        List<byte[]> keys = new ArrayList<>();
        for (String k : c.list(keysKey, "")) {
            keys.add(key(keysKey, k));
        }
        String cookie = c.optional(TRANSACTION_COOKIE).orElse("passerine_tx");
        if (!cookie.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new ConfigurationException(TRANSACTION_COOKIE, "must be 1 to 40 letters, digits, '_' or '-'");
        }
        Optional<String> loginCache = jcache(c, LOGIN_CACHE);
        Optional<String> appOnlyCache = jcache(c, APP_ONLY_CACHE);
        if (keys.isEmpty() && (loginCache.isPresent() || appOnlyCache.isPresent())) {
            throw new ConfigurationException(KEYS, "must be set when " + LOGIN_CACHE + " or " + APP_ONLY_CACHE
                    + " is: every node seals and opens what the cluster shares with the same keys");
        }
        return new ClusterSettings(keys, cookie, loginCache, appOnlyCache);
    }

    /** True when sealing keys are configured (else each JVM seals with a random key of its own). */
    public boolean hasKeys() {
        return !transactionKeys.isEmpty();
    }

    static byte[] key(String setting, String encoded) { // also GrantSettings
        byte[] k;
        try {
            k = Base64.getUrlDecoder().decode(encoded.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting, "must list base64url-encoded keys");
        }
        if (k.length != 32) {
            throw new ConfigurationException(setting, "must list 256-bit keys (32 bytes, 43 base64url "
                    + "characters; e.g. openssl rand -base64 32)");
        }
        return k;
    }

    /** {@code jcache:<name>} → the cache name. */
    private static Optional<String> jcache(ConfigReader c, String key) {
        Optional<String> raw = c.optional(key);
        if (raw.isEmpty()) {
            return raw;
        }
        String v = raw.get();
        if (!v.startsWith("jcache:") || v.length() == "jcache:".length()) {
            throw new ConfigurationException(key, "must be jcache:<cache name>");
        }
        return Optional.of(v.substring("jcache:".length()));
    }

    @Override
    public String toString() {
        return "ClusterSettings[transactionKeys=" + transactionKeys.size() + " (redacted), transactionCookie="
                + transactionCookie + ", loginCache=" + loginCache.orElse("-") + ", appOnlyCache="
                + appOnlyCache.orElse("-") + "]";
    }
}
