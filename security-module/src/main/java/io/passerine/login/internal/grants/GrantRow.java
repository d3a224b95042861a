package io.passerine.login.internal.grants;

import io.passerine.login.StoredGrant;
import java.time.Instant;
import java.util.Set;

/**
 * One row of the grant table. {@code sealed} is the AES-GCM sealed token set; {@code version} grows with every write
 * of new tokens; {@code leaseOwner}/{@code leaseUntil} mark the node that is refreshing (null: nobody).
 */
record GrantRow(String userId, String sealed, Set<String> scopes, boolean revoked, long version, String leaseOwner,
        Instant leaseUntil, Instant updatedAt) {

    /** Leased by a refresh that has not run out at {@code now}. */
    boolean leased(Instant now) {
        return leaseOwner != null && leaseUntil != null && now.isBefore(leaseUntil);
    }

    StoredGrant view() {
        return new StoredGrant(userId, scopes, revoked, updatedAt);
    }

    @Override
    public String toString() {
        return "GrantRow[userId=" + userId + ", sealed=redacted, version=" + version + ", revoked=" + revoked + "]";
    }
}
