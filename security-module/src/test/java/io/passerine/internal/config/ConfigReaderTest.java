package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    @Test
    void missingOrBlankRequiredKeyIsNamedWithItsEnvironmentVariable() {
        ConfigReader config = ConfigReader.of(Map.of("passerine.app-only.api-key", "   "));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> config.required("passerine.app-only.api-key"));
        assertEquals("passerine.app-only.api-key", e.key());
        assertTrue(e.getMessage().contains("'passerine.app-only.api-key' is missing or blank"), e.getMessage());
        assertTrue(e.getMessage().contains("PASSERINE_APP_ONLY_API_KEY"), e.getMessage());
    }

    @Test
    void appOnlySettingsNameTheFirstMissingKeyAndNeverAValue() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> AppOnlySettings.read(
                ConfigReader.of(Map.of("passerine.app-only.reports.api-key", "k")), "reports"));
        assertEquals("passerine.app-only.reports.api-secret", e.key());

        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> AppOnlySettings.read(
                ConfigReader.of(Map.of("passerine.app-only.api-key", "k", "passerine.app-only.api-secret", "hush",
                        "passerine.app-only.token-uri", "hush-not-a-uri")), ""));
        assertEquals("passerine.app-only.token-uri", bad.key());
        assertFalse(bad.getMessage().contains("hush"), bad.getMessage());
    }

    @Test
    void defaultsPointAtX() {
        AppOnlySettings s = AppOnlySettings.read(ConfigReader.of(Map.of(
                "passerine.app-only.api-key", "k", "passerine.app-only.api-secret", "secret")), "");
        assertEquals(URI.create("https://api.x.com/oauth2/token"), s.tokenUri());
        assertEquals(URI.create("https://api.x.com/oauth2/invalidate_token"), s.revokeUri());
        assertEquals(AppOnlySettings.RevokeStyle.X_INVALIDATE, s.revokeStyle());
        assertEquals(Duration.ofSeconds(5), s.timeouts().connect());
        assertFalse(s.toString().contains("secret"), s.toString());
    }

    @Test
    void durationsListsAndChoicesParse() {
        ConfigReader config = ConfigReader.of(Map.of("a", "500ms", "b", "PT2M", "c", "x",
                "l", "tweet.read, users.read  offline.access", "e", "rfc7009", "f", "nope"));
        assertEquals(Duration.ofMillis(500), config.duration("a", Duration.ZERO));
        assertEquals(Duration.ofMinutes(2), config.duration("b", Duration.ZERO));
        assertEquals("c", assertThrows(ConfigurationException.class, () -> config.duration("c", Duration.ZERO)).key());
        assertEquals(List.of("tweet.read", "users.read", "offline.access"), config.list("l", ""));
        assertEquals(AppOnlySettings.RevokeStyle.RFC7009,
                config.choice("e", AppOnlySettings.RevokeStyle.class, AppOnlySettings.RevokeStyle.X_INVALIDATE));
        assertTrue(assertThrows(ConfigurationException.class, () -> config.choice("f",
                AppOnlySettings.RevokeStyle.class, null)).getMessage().contains("[x-invalidate, rfc7009]"));
    }
}
