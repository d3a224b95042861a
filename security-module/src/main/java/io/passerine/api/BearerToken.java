package io.passerine.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth 2.0 bearer access token (RFC 6750) as the provider issued it: the application's (app-only, from
 * {@link io.passerine.apponly.AppOnlyTokenClient}) or the logged-in user's (from
 * {@link io.passerine.login.CurrentUser#accessToken()}). Immutable; {@link #toString()} never shows the value, so a
 * token can be logged or put in a message without leaking.
 */
public final class BearerToken {

    private final String value;
    private final String authorizationHeader;
    private final Instant expiresAt;

    /**
     * @param value     the token as issued
     * @param expiresAt when it expires, or null when the provider gave no {@code expires_in} (X's app-only tokens
     *                  live until invalidated)
     * @throws IllegalArgumentException the value is blank
     */
    public BearerToken(String value, Instant expiresAt) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A bearer token must not be blank");
        }
        this.value = value;
        this.authorizationHeader = "Bearer " + value;
        this.expiresAt = expiresAt;
    }

    /** {@return the token itself, to put on the wire} */
    public String value() {
        return value;
    }

    /** {@return {@code Bearer <token>}, the value of an {@code Authorization} header (RFC 6750 §2.1)}; computed once. */
    public String authorizationHeader() {
        return authorizationHeader;
    }

    /** {@return when the token expires; empty when it lives until invalidated} */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BearerToken t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "BearerToken[value=redacted" + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "]";
    }
}
