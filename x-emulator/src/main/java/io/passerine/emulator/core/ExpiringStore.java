package io.passerine.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Single-use values under random keys that expire (authorization codes, pending consents). Thread-safe. */
public final class ExpiringStore<V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int keyBytes;

    public ExpiringStore(Clock clock, int keyBytes) {
        this.clock = clock;
        this.keyBytes = keyBytes;
    }

    /** Stores the value and returns its new random key. */
    public String put(V value, Duration life) {
        purge();
        String key = Randoms.token(keyBytes);
        entries.put(key, new Entry<>(value, clock.instant().plus(life)));
        return key;
    }

    /** Removes and returns the value: a second take of the same key, or a take after expiry, gives empty. */
    public Optional<V> take(String key) {
        Entry<V> e = key == null ? null : entries.remove(key);
        if (e == null || !clock.instant().isBefore(e.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /** Reads without consuming (still honouring expiry). */
    public Optional<V> peek(String key) {
        Entry<V> e = key == null ? null : entries.get(key);
        return e == null || !clock.instant().isBefore(e.expiresAt()) ? Optional.empty() : Optional.of(e.value());
    }

    public void clear() {
        entries.clear();
    }

    private void purge() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
    }
}
