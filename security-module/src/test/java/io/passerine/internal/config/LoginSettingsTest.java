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

/** Checklist rows 22–23 for the login settings: keys named, values never; defaults; no secret in toString. */
class LoginSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("passerine.login.client-id", "cid");
        m.put("passerine.login.redirect-uri", "https://app.example/ctx/oauth2/callback");
        return m;
    }

    @Test
    void defaults() {
        LoginSettings s = LoginSettings.from(ConfigReader.of(minimal()));
        assertEquals("https://x.com/i/oauth2/authorize", s.authorizeUri().toString());
        assertEquals("https://api.x.com/2/oauth2/token", s.tokenUri().toString());
        assertEquals("https://api.x.com/2/oauth2/revoke", s.revokeUri().toString());
        assertEquals("https://api.x.com/2/users/me", s.userinfoUri().toString());
        assertEquals("/data/id", s.principalClaim(), "the stable id, not the renamable handle");
        assertEquals(List.of("tweet.read", "users.read", "offline.access"), s.scopes());
        assertEquals(Duration.ofMinutes(10), s.transactionMaxAge());
        assertEquals("/", s.postLogoutPath());
        assertFalse(s.confidential());
        assertEquals("/ctx/oauth2/callback", s.redirectUri().getRawPath());
    }

    @Test
    void issue13PolicyDefaults() {
        LoginSettings s = LoginSettings.from(ConfigReader.of(minimal()));
        assertEquals(4096, s.policy().maxQueryLength());
        assertEquals(16, s.policy().maxQueryParams());
        assertEquals(Duration.ofSeconds(7200), s.policy().defaultExpiresIn());
        assertEquals(Duration.ofSeconds(1), s.policy().refreshBackoffMin());
        assertEquals(Duration.ofMinutes(5), s.policy().refreshBackoffMax());
        assertTrue(s.policy().stepUpAllowed("dm.write") && s.policy().stepUpAllowed("media.write"));
        assertFalse(s.policy().stepUpAllowed("admin"));
        assertEquals(Duration.ofSeconds(15), s.timeouts().total(), "call deadline: connect + read");
        assertEquals(65536, s.timeouts().maxResponseBytes());
        assertEquals(2048, s.policy().maxSavedForm(), "issue 20: 2 KiB of form kept across a login");
        Map<String, String> m = minimal();
        m.put("passerine.login.max-saved-form", "0");
        assertEquals(0, LoginSettings.from(ConfigReader.of(m)).policy().maxSavedForm(), "0 turns it off");
        m = minimal();
        m.put("passerine.login.scopes", "tweet.read custom.scope");
        m.put("passerine.login.step-up-scopes", "bookmark.read");
        s = LoginSettings.from(ConfigReader.of(m));
        assertEquals(java.util.Set.of("bookmark.read", "tweet.read", "custom.scope"), s.policy().stepUpScopes());
    }

    @Test
    void missingRequiredKeysAreNamed() {
        for (String key : List.of("passerine.login.client-id", "passerine.login.redirect-uri")) {
            Map<String, String> m = minimal();
            m.put(key, "  ");
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> LoginSettings.from(ConfigReader.of(m)));
            assertEquals(key, e.key());
            assertTrue(e.getMessage().contains(key));
        }
    }

    @Test
    void malformedValuesAreNamedNotShown() {
        Map<String, Object[]> bad = Map.ofEntries(
                Map.entry("passerine.login.redirect-uri", new Object[] {"/relative/secretish-value"}),
                Map.entry("passerine.login.token-uri", new Object[] {"ftp://secretish-value"}),
                Map.entry("passerine.login.read-timeout", new Object[] {"secretish-value"}),
                Map.entry("passerine.login.post-logout-path", new Object[] {"https://secretish-value"}),
                Map.entry("passerine.login.principal-claim", new Object[] {"secretish-value"}),
                Map.entry("passerine.login.max-pending-logins", new Object[] {"0"}),
                Map.entry("passerine.login.max-query-length", new Object[] {"100"}),
                Map.entry("passerine.login.max-query-params", new Object[] {"secretish-value"}),
                Map.entry("passerine.login.step-up-scopes", new Object[] {"ok \"secretish-value\""}),
                Map.entry("passerine.login.call-timeout", new Object[] {"secretish-value"}),
                Map.entry("passerine.http.max-response-bytes", new Object[] {"12"}),
                Map.entry("passerine.login.refresh-backoff-max", new Object[] {"100ms"}),
                Map.entry("passerine.login.default-expires-in", new Object[] {"0s"}),
                Map.entry("passerine.login.max-saved-form", new Object[] {"2049"}));
        bad.forEach((key, value) -> {
            Map<String, String> m = minimal();
            m.put(key, (String) value[0]);
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> LoginSettings.from(ConfigReader.of(m)), key);
            assertEquals(key, e.key());
            assertFalse(e.getMessage().contains("secretish-value"), e.getMessage());
        });
    }

    @Test
    void toStringHidesTheSecret() {
        Map<String, String> m = minimal();
        m.put("passerine.login.client-secret", "very-secret-123");
        LoginSettings s = LoginSettings.from(ConfigReader.of(m));
        assertTrue(s.confidential());
        assertFalse(s.toString().contains("very-secret-123"), s.toString());
    }
}
