package io.passerine.login;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A current access token of the logged-in user, for calls to the provider's API ({@code Authorization: Bearer}).
 * {@link #toString()} is redacted; only {@link #value()} reveals the token.
 */
public final class UserAccessToken {

    private final String value;
    private final Instant expiresAt;

    public UserAccessToken(String value, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.expiresAt = expiresAt;
    }

    /** The token itself, for the one place that sends it. */
    public String value() {
        return value;
    }

    /** The header value {@code Bearer <token>} (RFC 6750 §2.1). */
    public String authorizationHeader() {
        return "Bearer " + value;
    }

    /** When the token expires, if the provider said. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserAccessToken t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "UserAccessToken[redacted, expiresAt=" + expiresAt + "]";
    }
}
