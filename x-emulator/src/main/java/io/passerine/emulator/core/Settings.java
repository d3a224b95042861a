package io.passerine.emulator.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's tunable numbers. Immutable; {@link EmulatorState} swaps the current instance atomically, so tests can
 * change them at runtime through the control surface and {@code reset} restores the configured defaults.
 */
public record Settings(
        Duration accessTokenLifetime,
        Duration codeLifetime,
        int rateLimit,
        Duration rateLimitWindow,
        int appTokenMaxRequests,
        Duration appTokenWindow) {

    /** X's numbers: 2-hour tokens, 30-second codes, 15-minute windows. */
    public static Settings defaults() {
        return new Settings(Duration.ofHours(2), Duration.ofSeconds(30), 300, Duration.ofMinutes(15),
                20, Duration.ofMinutes(15));
    }

    public Settings {
        positive(accessTokenLifetime, "accessTokenLifetime");
        positive(codeLifetime, "codeLifetime");
        positive(rateLimitWindow, "rateLimitWindow");
        positive(appTokenWindow, "appTokenWindow");
        if (rateLimit < 1 || appTokenMaxRequests < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The control surface's JSON names with their values. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessTokenLifetimeSeconds", accessTokenLifetime.toSeconds());
        m.put("codeLifetimeSeconds", codeLifetime.toSeconds());
        m.put("rateLimit", rateLimit);
        m.put("rateLimitWindowSeconds", rateLimitWindow.toSeconds());
        m.put("appTokenMaxRequests", appTokenMaxRequests);
        m.put("appTokenWindowSeconds", appTokenWindow.toSeconds());
        return m;
    }

    /** A copy with the given JSON names changed (numbers only); unknown names are refused. */
    public Settings with(Map<String, ? extends Number> changes) {
        Map<String, Object> m = toMap();
        for (Map.Entry<String, ? extends Number> e : changes.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown setting " + e.getKey());
            }
            m.put(e.getKey(), e.getValue().longValue());
        }
        return new Settings(seconds(m, "accessTokenLifetimeSeconds"), seconds(m, "codeLifetimeSeconds"),
                Math.toIntExact(((Number) m.get("rateLimit")).longValue()), seconds(m, "rateLimitWindowSeconds"),
                Math.toIntExact(((Number) m.get("appTokenMaxRequests")).longValue()),
                seconds(m, "appTokenWindowSeconds"));
    }

    private static Duration seconds(Map<String, Object> m, String key) {
        return Duration.ofSeconds(((Number) m.get(key)).longValue());
    }
}
