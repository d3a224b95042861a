package io.passerine.login.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The user's tokens from one token response (RFC 6749 §5.1), kept server-side only. {@code expiresAt} is null when
 * the provider sent no {@code expires_in}; {@code refreshToken} is null without {@code offline.access}.
 * {@link #toString()} shows no token.
 */
public record TokenSet(String accessToken, Instant expiresAt, String refreshToken, Set<String> scopes)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public TokenSet {
        scopes = Set.copyOf(scopes);
    }

    /** Expired, or expiring within {@code skew}, at the clock's now. */
    public boolean expired(Clock clock, Duration skew) {
        return expiresAt != null && !clock.instant().plus(skew).isBefore(expiresAt);
    }

    public boolean hasRefreshToken() {
        return refreshToken != null;
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=redacted, expiresAt=" + expiresAt + ", refreshToken="
                + (refreshToken == null ? "none" : "redacted") + ", scopes=" + scopes + "]";
    }
}
