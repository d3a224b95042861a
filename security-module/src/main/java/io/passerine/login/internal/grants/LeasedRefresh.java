package io.passerine.login.internal.grants;

import io.passerine.login.internal.GrantedTokens;
import io.passerine.ProviderException;
import io.passerine.login.GrantException;
import io.passerine.login.GrantException.Reason;
import io.passerine.login.LoginRequiredException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A valid token set from the grant row, refreshed (RFC 6749 §6) by exactly one node when due. X rotates refresh
 * tokens — a second refresh with the old one fails with {@code invalid_grant} — so the node that refreshes first takes
 * the row's lease with a conditional {@code UPDATE ... WHERE version = ? AND lease ran out}: one statement, atomic
 * in any SQL database, no transaction held over the provider call. The others poll the row until the version grows
 * (then use the new tokens) or the lease runs out (a crashed node: then one of them takes it). The lease outlasts
 * the token request's whole deadline, so it cannot run out while its holder still waits for X.
 */
final class LeasedRefresh {

    private static final System.Logger LOG = System.getLogger(LeasedRefresh.class.getName());
    private static final long POLL_MILLIS = 25;

    private final GrantTable table;
    private final GrantStore store;
    private final TokenCalls calls;
    private final Clock clock;
    private final Duration lease;

    LeasedRefresh(GrantTable table, GrantStore store, TokenCalls calls, Clock clock, Duration lease) {
        this.table = table;
        this.store = store;
        this.calls = calls;
        this.clock = clock;
        this.lease = lease;
    }

    GrantedTokens valid(String userId, Duration skew) {
        long waitDeadline = System.nanoTime() + lease.multipliedBy(2).toNanos(); // real time, not the app's clock
        while (true) {
            GrantRow row = table.find(userId).orElseThrow(() -> new GrantException(Reason.NOT_STORED, userId,
                    "No grant is stored for user " + userId + ": the user has to log in (with offline.access)"));
            if (row.revoked()) {
                throw revoked(userId);
            }
            GrantedTokens t = store.open(row).orElseThrow(() -> unreadable(userId));
            if (!t.expired(clock, skew)) {
                return t;
            }
            if (!t.hasRefreshToken()) {
                throw new GrantException(Reason.EXPIRED, userId, "The access token of user " + userId
                        + " expired and the grant has no refresh token (offline.access): the user has to log in");
            }
            Instant now = clock.instant();
            if (!row.leased(now)) {
                String owner = UUID.randomUUID().toString();
                if (table.lease(userId, row.version(), owner, now.plus(lease), now)) {
                    GrantedTokens next = refreshUnderLease(userId, t, owner);
                    if (next != null) {
                        return next;
                    }
                }
                continue; // another node leased first, or the row changed: read it again
            }
            if (System.nanoTime() > waitDeadline) {
                throw new ProviderException(ProviderException.Failure.TIMEOUT, "Another node's refresh of the grant "
                        + "of user " + userId + " did not finish in " + lease.multipliedBy(2));
            }
            pause();
        }
    }

    /** The new tokens, stored; null when the lease was lost meanwhile (a login or disconnect changed the row). */
    private GrantedTokens refreshUnderLease(String userId, GrantedTokens t, String owner) {
        GrantedTokens next;
        try {
            next = calls.refresh(t);
        } catch (LoginRequiredException e) {
            if (table.markRevoked(userId, owner, clock.instant())) {
                LOG.log(Level.WARNING, "The grant of {0} was rejected by X ({1}): marked revoked", userId,
                        e.getMessage());
                throw revoked(userId);
            }
            return null;
        } catch (RuntimeException e) {
            try {
                table.release(userId, owner); // transient: the next caller may try at once
            } catch (GrantException ignored) {
                // the lease runs out by itself
            }
            throw e;
        }
        if (table.storeRefreshed(userId, owner, store.seal(userId, next), next.scopes(), clock.instant())) {
            return next;
        }
        // nobody will ever use these tokens: no orphaned grant at X
        calls.revoke(next);
        return null;
    }

    private static GrantException revoked(String userId) {
        return new GrantException(Reason.REVOKED, userId, "The grant of user " + userId + " was revoked at X "
                + "(invalid_grant): the user has to log in again");
    }

    private static GrantException unreadable(String userId) {
        LOG.log(Level.WARNING, "The grant of {0} cannot be opened with the configured keys (left untouched)", userId);
        return new GrantException(Reason.UNREADABLE, userId, "The grant of user " + userId + " cannot be opened with "
                + "the configured passerine.grants.keys (or passerine.keys): was it sealed under a key no longer "
                + "listed? The row is left untouched");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Failure.TIMEOUT, "Interrupted while another node refreshed");
        }
    }
}
