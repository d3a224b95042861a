package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stored user grants (issue 17), opt-in: {@code passerine.login.store-grants=true}, then {@code
 * passerine.grants.data-source} (the JNDI name of a container {@code DataSource}), {@code passerine.grants.table},
 * {@code passerine.grants.create-table}, {@code passerine.grants.cache-ttl} and the sealing keys {@code
 * passerine.grants.keys} (default: {@code passerine.keys}; the first seals, all open). {@link #toString()} shows no key.
 *
 * @param enabled false: nothing is stored, the other fields are defaults
 * @param dataSource JNDI name of the data source
 * @param table the table's name (a plain SQL identifier)
 * @param keys 32-byte AES keys, the sealing one first
 * @param createTable create the table on first use when it is missing
 * @param cacheTtl how long a node reuses an access token it read from the store (zero: read the store every call)
 */
public record GrantSettings(boolean enabled, String dataSource, String table, List<byte[]> keys, boolean createTable,
        Duration cacheTtl) {

    public static final String STORE_GRANTS = "passerine.login.store-grants";
    static final String PREFIX = "passerine.grants.";
    public static final String DATA_SOURCE = PREFIX + "data-source";
    static final String TABLE = PREFIX + "table";
    public static final String KEYS = PREFIX + "keys";
    static final String CREATE_TABLE = PREFIX + "create-table";
    static final String CACHE_TTL = PREFIX + "cache-ttl";

    public static final GrantSettings DISABLED = new GrantSettings(false, "", "passerine_grants", List.of(), false,
            Duration.ZERO);

    public GrantSettings {
        keys = List.copyOf(keys);
    }

    /** Reads and validates the keys above; a problem names the key, never a value. */
    public static GrantSettings from(ConfigReader c, List<String> loginScopes) {
        if (!bool(c, STORE_GRANTS, false)) {
            return DISABLED;
        }
        if (!loginScopes.contains("offline.access")) {
            throw new ConfigurationException(STORE_GRANTS, "needs offline.access in passerine.login.scopes: a stored "
                    + "grant without a refresh token dies with its access token (2 hours)");
        }
        String ds = c.optional(DATA_SOURCE).orElseThrow(() -> new ConfigurationException(DATA_SOURCE,
                "is missing or blank (the JNDI name of the DataSource that stores the grants, e.g. jdbc/passerine)"));
        String table = c.optional(TABLE).orElse("passerine_grants");
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ConfigurationException(TABLE, "must be a plain SQL identifier (letters, digits, '_')");
        }
        String keysKey = c.optional(KEYS).isPresent() ? KEYS : ClusterSettings.KEYS;
        List<byte[]> keys = new ArrayList<>();
        for (String k : c.list(keysKey, "")) {
            keys.add(ClusterSettings.key(keysKey, k));
        }
        if (keys.isEmpty()) {
            throw new ConfigurationException(KEYS, "(or " + ClusterSettings.KEYS + ") must be set when " + STORE_GRANTS
                    + " is true: stored tokens are sealed with them, and must open after a restart and on every node");
        }
        return new GrantSettings(true, ds, table, keys, bool(c, CREATE_TABLE, true),
                c.duration(CACHE_TTL, Duration.ofSeconds(60)));
    }

    private static boolean bool(ConfigReader c, String key, boolean dflt) {
        Optional<String> v = c.optional(key);
        if (v.isEmpty()) {
            return dflt;
        }
        if (!v.get().equals("true") && !v.get().equals("false")) {
            throw new ConfigurationException(key, "must be true or false");
        }
        return v.get().equals("true");
    }

    @Override
    public String toString() {
        return "GrantSettings[enabled=" + enabled + ", dataSource=" + dataSource + ", table=" + table + ", keys="
                + keys.size() + " (redacted), createTable=" + createTable + ", cacheTtl=" + cacheTtl + "]";
    }
}
