package io.passerine.api.internal;

import io.passerine.api.RateLimit;
import io.passerine.api.RateLimits;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The quotas the filters saw, per client and endpoint; the parser of X's {@code x-rate-limit-*} headers. */
public final class RateLimitRegistry implements RateLimits {

    private final Map<String, Map<String, RateLimit>> byClient = new ConcurrentHashMap<>();

    /**
     * Reads X's headers through {@code header} (name → first value or null); empty when they are absent or malformed.
     */
    public static Optional<RateLimit> parse(Function<String, String> header, Instant now) {
        try {
            String limit = header.apply("x-rate-limit-limit");
            String remaining = header.apply("x-rate-limit-remaining");
            String reset = header.apply("x-rate-limit-reset");
            if (limit == null || remaining == null || reset == null) {
                return Optional.empty();
            }
            return Optional.of(new RateLimit(Long.parseLong(limit.strip()), Long.parseLong(remaining.strip()),
                    Instant.ofEpochSecond(Long.parseLong(reset.strip())), now));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The registry key of a call: method and path with every identifier folded, so that the keys stay few and no
     * user name or id ends up in them (nor in metrics): a segment holding a digit becomes {@code :id} (a tweet, user,
     * list or Space id; API versions such as {@code 2} or {@code 1.1} stay), the segment after {@code username}
     * becomes {@code :username}. {@code GET /2/users/by/username/jack} → {@code GET /2/users/by/username/:username}.
     */
    public static String endpoint(String method, String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0 && segments[i - 1].equals("username") && !segments[i].isEmpty()) {
                segments[i] = ":username";
            } else if (segments[i].chars().anyMatch(Character::isDigit) && !VERSION.matcher(segments[i]).matches()) {
                segments[i] = ":id";
            }
        }
        return method + " " + String.join("/", segments);
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d{1,2}(\\.\\d{1,2})?");

    public void record(String client, String endpoint, RateLimit limit) {
        byClient.computeIfAbsent(client, c -> new ConcurrentHashMap<>()).put(endpoint, limit);
    }

    @Override
    public Optional<RateLimit> current(String client, String endpoint) {
        Map<String, RateLimit> endpoints = byClient.get(client);
        return endpoints == null ? Optional.empty() : Optional.ofNullable(endpoints.get(endpoint));
    }

    @Override
    public Map<String, Map<String, RateLimit>> snapshot() {
        Map<String, Map<String, RateLimit>> copy = new TreeMap<>();
        byClient.forEach((client, endpoints) -> copy.put(client, Map.copyOf(new TreeMap<>(endpoints))));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
