package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** passerine.keys (and its older name), required with a shared cache; errors name the key, never the value. */
class ClusterSettingsTest {

    static final String KEY = "q9d3pPqyX1tZ8q4UAnmWj3xD5k0xO6bYvR2cL7wHfTs";

    @Test
    void keysUnderTheNewAndTheOlderName() {
        assertTrue(ClusterSettings.from(ConfigReader.of(Map.of("passerine.keys", KEY))).hasKeys());
        assertTrue(ClusterSettings.from(ConfigReader.of(Map.of("passerine.login.transaction-keys", KEY))).hasKeys());
        assertFalse(ClusterSettings.from(ConfigReader.of(Map.of())).hasKeys());
    }

    @Test
    void aSharedCacheNeedsKeys() {
        for (String cache : new String[] {"passerine.login.cache", "passerine.app-only.cache"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ClusterSettings.from(ConfigReader.of(Map.of(cache, "jcache:c"))));
            assertTrue(e.getMessage().contains("passerine.keys"), e.getMessage());
            assertEquals("c", ClusterSettings.from(ConfigReader.of(Map.of(cache, "jcache:c", "passerine.keys", KEY)))
                    .loginCache().or(() -> ClusterSettings.from(ConfigReader.of(Map.of(cache, "jcache:c",
                            "passerine.keys", KEY))).appOnlyCache()).orElseThrow());
        }
    }

    @Test
    void aBadKeyIsNamedNotShown() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ClusterSettings.from(ConfigReader.of(Map.of("passerine.keys", "c2hvcnQ"))));
        assertTrue(e.getMessage().contains("passerine.keys"), e.getMessage());
        assertFalse(e.getMessage().contains("c2hvcnQ"), e.getMessage());
    }
}
