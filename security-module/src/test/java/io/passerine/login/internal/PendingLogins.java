package io.passerine.login.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unfinished logins of one browser session, keyed by state (several tabs may log in at once). Each is taken at
 * most once ({@link #take} removes atomically), expires after a maximum age, and the map is capped: the oldest
 * entry goes first. An in-memory {@link TransactionStore} for unit tests.
 */
public final class PendingLogins implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ConcurrentHashMap<String, LoginTransaction> byState = new ConcurrentHashMap<>();

    /** Adds {@code tx}, dropping expired entries and the oldest ones beyond {@code max}. */
    public void put(LoginTransaction tx, Instant now, Duration maxAge, int max) {
        byState.values().removeIf(t -> expired(t, now, maxAge));
        while (byState.size() >= max) {
            Optional<Map.Entry<String, LoginTransaction>> oldest = byState.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getValue().createdAt()));
            if (oldest.isEmpty()) {
                break;
            }
            byState.remove(oldest.get().getKey(), oldest.get().getValue());
        }
        byState.put(tx.state(), tx);
    }

    /** Removes and returns the transaction for {@code state}; empty if unknown, already taken or expired. */
    public Optional<LoginTransaction> take(String state, Instant now, Duration maxAge) {
        if (state == null) {
            return Optional.empty();
        }
        LoginTransaction tx = byState.remove(state);
        return tx == null || expired(tx, now, maxAge) ? Optional.empty() : Optional.of(tx);
    }

    /** A {@link TransactionStore} over these logins: 10 minutes, at most 5, at {@code clock}'s time. */
    TransactionStore store(java.time.Clock clock) {
        return new TransactionStore() {
            @Override
            public void save(LoginTransaction tx) {
                put(tx, clock.instant(), Duration.ofMinutes(10), 5);
            }

            @Override
            public Optional<LoginTransaction> take(String state) {
                return PendingLogins.this.take(state, clock.instant(), Duration.ofMinutes(10));
            }
        };
    }

    public int size() {
        return byState.size();
    }

    private static boolean expired(LoginTransaction tx, Instant now, Duration maxAge) {
        return !now.isBefore(tx.createdAt().plus(maxAge));
    }

    @Override
    public String toString() {
        return "PendingLogins[" + byState.size() + "]";
    }
}
