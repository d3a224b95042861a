package io.passerine.emulator.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Call counts per endpoint path (faulted calls included). Thread-safe. */
public final class CallStats {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public void count(String path) {
        counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    }

    /** A sorted snapshot. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public void reset() {
        counts.clear();
    }
}
