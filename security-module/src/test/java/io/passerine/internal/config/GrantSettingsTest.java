package io.passerine.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17: the stored-grant keys are validated at deployment, every problem naming its key and no value. */
class GrantSettingsTest {

    static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final List<String> SCOPES = List.of("tweet.read", "users.read", "offline.access");

    private static GrantSettings read(Map<String, String> extra, List<String> scopes) {
        Map<String, String> m = new HashMap<>(Map.of("passerine.login.store-grants", "true",
                "passerine.grants.data-source", "jdbc/passerine", "passerine.keys", KEY));
        m.putAll(extra);
        m.values().removeIf(String::isEmpty);
        return GrantSettings.from(ConfigReader.of(m), scopes);
    }

    private static String problem(Map<String, String> extra, List<String> scopes) {
        return assertThrows(ConfigurationException.class, () -> read(extra, scopes)).getMessage();
    }

    @Test
    void offByDefault() {
        assertFalse(GrantSettings.from(ConfigReader.of(Map.of()), SCOPES).enabled());
    }

    @Test
    void onWithDefaults() {
        GrantSettings s = read(Map.of(), SCOPES);
        assertTrue(s.enabled());
        assertEquals("passerine_grants", s.table());
        assertTrue(s.createTable());
        assertEquals(Duration.ofSeconds(60), s.cacheTtl());
        assertEquals(1, s.keys().size());
        assertFalse(s.toString().contains(KEY));
    }

    @Test
    void ownKeysWinOverTheSharedOnes() {
        GrantSettings s = read(Map.of("passerine.grants.keys", KEY + "," + KEY.replace('A', 'B')), SCOPES);
        assertEquals(2, s.keys().size());
    }

    @Test
    void everyProblemNamesItsKey() {
        assertTrue(problem(Map.of("passerine.grants.data-source", ""), SCOPES).contains("passerine.grants.data-source"));
        assertTrue(problem(Map.of("passerine.keys", ""), SCOPES).contains("passerine.grants.keys"));
        assertTrue(problem(Map.of("passerine.grants.keys", "short"), SCOPES).contains("passerine.grants.keys"));
        assertTrue(problem(Map.of("passerine.grants.table", "x; DROP TABLE y"), SCOPES)
                .contains("passerine.grants.table"));
        assertTrue(problem(Map.of("passerine.login.store-grants", "yes"), SCOPES)
                .contains("passerine.login.store-grants"));
        assertTrue(problem(Map.of(), List.of("tweet.read")).contains("offline.access"));
    }
}
