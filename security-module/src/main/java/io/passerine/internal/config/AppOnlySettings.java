package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import io.passerine.internal.http.HttpTimeouts;
import java.net.URI;
import java.time.Duration;

/**
 * Settings of one app-only client, read from {@code passerine.app-only.*} (the unnamed default client) or
 * {@code passerine.app-only.<name>.*} (a named client). Immutable; {@link #toString()} shows no credential.
 */
public record AppOnlySettings(String name, String apiKey, Secret apiSecret, URI tokenUri, URI revokeUri,
        RevokeStyle revokeStyle, HttpTimeouts timeouts, Duration refreshSkew, Duration minBackoff,
        Duration maxBackoff) {

    /** How {@code invalidate()} revokes a token at the provider. */
    public enum RevokeStyle {
        /** X's {@code POST oauth2/invalidate_token} with {@code access_token=...} and Basic auth. */
        X_INVALIDATE,
        /** RFC 7009 token revocation ({@code token=...}, Basic auth), for any standard OAuth 2.0 server. */
        RFC7009
    }

    static final String PREFIX = "passerine.app-only.";
    static final String DEFAULT_TOKEN_URI = "https://api.x.com/oauth2/token";
    static final String DEFAULT_REVOKE_URI = "https://api.x.com/oauth2/invalidate_token";

    /** Reads and validates the settings of client {@code name} ("" for the default client). */
    public static AppOnlySettings read(ConfigReader config, String name) {
        String p = prefix(name);
        Duration minBackoff = config.duration(p + "retry-backoff-min", Duration.ofSeconds(1));
        Duration maxBackoff = config.duration(p + "retry-backoff-max", Duration.ofMinutes(5));
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new ConfigurationException(p + "retry-backoff-max", "must not be smaller than retry-backoff-min");
        }
        return new AppOnlySettings(name,
                config.required(p + "api-key"),
                config.requiredSecret(p + "api-secret"),
                config.uri(p + "token-uri", DEFAULT_TOKEN_URI),
                config.uri(p + "revoke-uri", DEFAULT_REVOKE_URI),
                config.choice(p + "revoke-style", RevokeStyle.class, RevokeStyle.X_INVALIDATE),
                config.timeouts(p),
                config.duration(p + "refresh-skew", Duration.ofSeconds(60)),
                minBackoff, maxBackoff);
    }

    /** {@code passerine.app-only.} or {@code passerine.app-only.<name>.}. */
    public static String prefix(String name) {
        return name.isEmpty() ? PREFIX : PREFIX + name + ".";
    }

    /** A name for messages: {@code default} or the client's name. */
    public String displayName() {
        return name.isEmpty() ? "default" : name;
    }

    @Override
    public String toString() {
        return "AppOnlySettings[name=" + displayName() + ", tokenUri=" + tokenUri + ", revokeUri=" + revokeUri
                + ", revokeStyle=" + revokeStyle + ", timeouts=" + timeouts + ", refreshSkew=" + refreshSkew
                + ", backoff=" + minBackoff + ".." + maxBackoff + "]";
    }
}
