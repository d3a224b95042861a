package io.passerine.login;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the store knows about a user's grant, without its tokens.
 *
 * @param userId the principal the grant acts for (X's user id)
 * @param scopes the scopes the user granted (RFC 6749 §3.3)
 * @param revoked true once X rejected its refresh token ({@code invalid_grant}): the user has to log in again
 * @param updatedAt when it was last stored, refreshed or marked
 */
public record StoredGrant(String userId, Set<String> scopes, boolean revoked, Instant updatedAt) {

    /**
     * Checks the components and copies the scopes.
     *
     * @param userId    the principal the grant acts for (X's user id)
     * @param scopes    the scopes the user granted
     * @param revoked   true once X rejected its refresh token
     * @param updatedAt when it was last stored, refreshed or marked
     */
    public StoredGrant {
        Objects.requireNonNull(userId, "userId");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
