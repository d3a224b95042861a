package io.passerine.login;

import io.passerine.ProviderException;
import io.passerine.api.BearerToken;
import java.util.List;
import java.util.Optional;

/**
 * Users' grants stored in the application's database (issue 17, opt-in with {@code passerine.login.store-grants}):
 * act for a user outside any request — from an EJB timer, a managed executor, a batch job or a JAX-RS resource.
 * {@code @Inject UserGrants grants;}. A login with {@code offline.access} stores or updates the user's grant; logout
 * and {@link #revoke} revoke it at X (RFC 7009) and delete it. Tokens are stored sealed (AES-256-GCM): a database dump
 * shows none.
 *
 * <p>A refresh (RFC 6749 §6) is single-flight per user across every node sharing the database: X rotates refresh
 * tokens, so only one node may spend one.
 */
public interface UserGrants {

    /**
     * {@return a valid access token of {@code userId}}, refreshed once (single flight, across nodes) if it is due.
     *
     * @param userId the principal, X's user id
     * @throws GrantException no grant stored, revoked at X (marked in the store), unreadable under the configured
     *         keys, or the store failed
     * @throws ProviderException the refresh failed for a transient reason (the grant is kept; try later)
     */
    BearerToken accessToken(String userId);

    /**
     * Disconnects the user: revokes the stored grant at X (best effort) and deletes it.
     *
     * @param userId the principal, X's user id
     * @return true when a grant was stored (and is now deleted)
     * @throws GrantException the store failed
     */
    boolean revoke(String userId);

    /**
     * @param userId the principal, X's user id
     * @return the stored grant of {@code userId} (no token in it), if any
     * @throws GrantException the store failed
     */
    Optional<StoredGrant> find(String userId);

    /**
     * One page of the stored grants, ordered by user id (keyset paging).
     *
     * @param afterUserId the last user id of the previous page, or null for the first page
     * @param limit 1 to 1000
     * @return up to {@code limit} grants after {@code afterUserId}; empty after the last page
     * @throws GrantException the store failed
     */
    List<StoredGrant> page(String afterUserId, int limit);
}
