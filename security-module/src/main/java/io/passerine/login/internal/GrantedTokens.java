package io.passerine.login.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The user's tokens from one token response (RFC 6749 §5.1), kept server-side only. {@code expiresAt} is null when
 * the provider sent no {@code expires_in}; {@code refreshToken} is null without {@code offline.access}.
 * {@link #toString()} shows no token. Not {@code Serializable}: outside the heap it exists only sealed
 * ({@link SessionLogin}, {@link ClusterRefresher}, the grant store). Public for the grant store's package.
 */
public record GrantedTokens(String accessToken, Instant expiresAt, String refreshToken, Set<String> scopes) {

    public GrantedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        scopes = Set.copyOf(scopes);
    }

    /** Expired, or expiring within {@code skew}, at the clock's now. */
    public boolean expired(Clock clock, Duration skew) {
        return expiresAt != null && !clock.instant().plus(skew).isBefore(expiresAt);
    }

    /** {@return whether a refresh token came with the tokens ({@code offline.access})} */
    public boolean hasRefreshToken() {
        return refreshToken != null;
    }

    /** The four fields as one line-separated text: only ever stored sealed ({@link io.passerine.internal.cluster.Sealer}). */
    public String encode() {
        return accessToken + "\n" + (expiresAt == null ? "" : expiresAt.toEpochMilli()) + "\n"
                + (refreshToken == null ? "" : refreshToken) + "\n" + String.join(" ", scopes);
    }

    /** The inverse of {@link #encode()}; IllegalArgumentException on anything else. */
    public static GrantedTokens decode(String s) {
        String[] p = s.split("\n", -1);
        if (p.length != 4 || p[0].isEmpty()) {
            throw new IllegalArgumentException("not an encoded token set");
        }
        try {
            return new GrantedTokens(p[0], p[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(p[1])),
                    p[2].isEmpty() ? null : p[2], p[3].isEmpty() ? Set.of() : Set.of(p[3].split(" ")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an encoded token set");
        }
    }

    @Override
    public String toString() {
        return "GrantedTokens[accessToken=redacted, expiresAt=" + expiresAt + ", refreshToken="
                + (refreshToken == null ? "none" : "redacted") + ", scopes=" + scopes + "]";
    }
}
