package io.passerine.login.internal;

import java.util.Optional;

/**
 * Keeps login transactions between the redirect to the provider and the callback, bound to one browser. One-time:
 * {@link #take} returns a transaction at most once. Implementation: {@link CookieTransactionStore} (an AES-GCM sealed
 * cookie, so that no server state exists before the user is logged in).
 */
interface TransactionStore {

    /** Remembers {@code tx} under its state for the current browser. */
    void save(LoginTransaction tx);

    /** Removes and returns the transaction for {@code state}, if this browser has one that has not expired. */
    Optional<LoginTransaction> take(String state);
}
