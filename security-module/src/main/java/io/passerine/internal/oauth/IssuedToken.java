package io.passerine.internal.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A checked token response (RFC 6749 §5.1): a non-blank bearer access token, its lifetime counted from the moment
 * the request was sent (never later than the provider's own clock started it), an optional refresh token and the
 * granted scope as the provider named it. {@link #toString()} shows no token.
 *
 * @param lifetimeSeconds {@code expires_in}; 0 when the provider sent none
 * @param refreshToken null when the provider sent none
 * @param scope null when the response had no {@code scope} (RFC 6749 §5.1 lets a server omit it)
 */
public record IssuedToken(String accessToken, Instant sentAt, long lifetimeSeconds, String refreshToken,
        List<String> scope) {

    public IssuedToken {
        scope = scope == null ? null : List.copyOf(scope);
    }

    /** {@link #sentAt} plus {@code expires_in}; empty when the provider sent none. */
    public Optional<Instant> expiresAt() {
        return lifetimeSeconds > 0 ? Optional.of(sentAt.plusSeconds(lifetimeSeconds)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "IssuedToken[accessToken=redacted, sentAt=" + sentAt + ", lifetimeSeconds=" + lifetimeSeconds
                + ", refreshToken=" + (refreshToken == null ? "none" : "redacted") + ", scope=" + scope + "]";
    }
}
