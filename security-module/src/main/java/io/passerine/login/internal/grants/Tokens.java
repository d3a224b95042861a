package io.passerine.login.internal.grants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user's token set as the grant store keeps it (sealed, never in clear outside the heap). {@code expiresAt} null:
 * no {@code expires_in}; {@code refreshToken} null: no {@code offline.access}. {@link #toString()} shows no token.
 */
public record Tokens(String accessToken, Instant expiresAt, String refreshToken, Set<String> scopes) {

    public Tokens {
        Objects.requireNonNull(accessToken, "accessToken");
        scopes = Set.copyOf(scopes);
    }

    /** Expired, or expiring within {@code skew}. */
    boolean expired(Clock clock, Duration skew) {
        return expiresAt != null && !clock.instant().plus(skew).isBefore(expiresAt);
    }

    boolean refreshable() {
        return refreshToken != null;
    }

    /** One line-separated text, only ever stored sealed. */
    String encode() {
        return accessToken + "\n" + (expiresAt == null ? "" : expiresAt.toEpochMilli()) + "\n"
                + (refreshToken == null ? "" : refreshToken) + "\n" + String.join(" ", scopes);
    }

    /** The inverse of {@link #encode()}; IllegalArgumentException on anything else. */
    static Tokens decode(String s) {
        String[] p = s.split("\n", -1);
        if (p.length != 4 || p[0].isEmpty()) {
            throw new IllegalArgumentException("not an encoded token set");
        }
        try {
            return new Tokens(p[0], p[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(p[1])),
                    p[2].isEmpty() ? null : p[2], p[3].isEmpty() ? Set.of() : Set.of(p[3].split(" ")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an encoded token set");
        }
    }

    @Override
    public String toString() {
        return "Tokens[accessToken=redacted, expiresAt=" + expiresAt + ", refreshToken="
                + (refreshToken == null ? "none" : "redacted") + ", scopes=" + scopes + "]";
    }
}
