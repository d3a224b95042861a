package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import io.passerine.internal.http.HttpTimeouts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Typed, validated reads of {@code passerine.*} keys. Every failure is a {@link ConfigurationException} naming the key;
 * blank values count as missing.
 */
public final class ConfigReader {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private final Function<String, Optional<String>> source;

    private ConfigReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** Reads from MicroProfile Config (system properties, environment, microprofile-config.properties, ...). */
    public static ConfigReader of(Config config) {
        return new ConfigReader(key -> config.getOptionalValue(key, String.class));
    }

    /** Reads from a map (tests, programmatic setup). */
    public static ConfigReader of(Map<String, String> values) {
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }

    public Optional<String> optional(String key) {
        return source.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    String required(String key) {
        return optional(key).orElseThrow(() -> new ConfigurationException(key, "is missing or blank"));
    }

    Secret requiredSecret(String key) {
        return Secret.of(required(key));
    }

    Optional<Secret> optionalSecret(String key) {
        return optional(key).map(Secret::of);
    }

    /** An absolute http(s) URI. */
    public URI uri(String key, String defaultValue) {
        return toUri(key, optional(key).orElse(defaultValue));
    }

    URI requiredUri(String key) {
        return toUri(key, required(key));
    }

    /** A positive duration: ISO-8601 ({@code PT10S}) or short form ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}). */
    public Duration duration(String key, Duration defaultValue) {
        Duration d = optional(key).map(v -> toDuration(key, v)).orElse(defaultValue);
        if (d.isNegative()) {
            throw new ConfigurationException(key, "must not be negative");
        }
        return d;
    }

    /** A duration that must be more than zero. */
    Duration positiveDuration(String key, Duration defaultValue) {
        Duration d = duration(key, defaultValue);
        if (d.isZero()) {
            throw new ConfigurationException(key, "must be positive");
        }
        return d;
    }

    /**
     * {@code <prefix>connect-timeout}, {@code <prefix>read-timeout} (defaults {@link HttpTimeouts#DEFAULT}),
     * {@code <prefix>call-timeout} (the whole call's deadline, default connect + read) and the application's
     * {@code passerine.http.max-response-bytes} (default 64 KiB, at least 1 KiB).
     */
    public HttpTimeouts timeouts(String prefix) {
        Duration connect = positiveDuration(prefix + "connect-timeout", HttpTimeouts.DEFAULT.connect());
        Duration read = positiveDuration(prefix + "read-timeout", HttpTimeouts.DEFAULT.read());
        Duration total = positiveDuration(prefix + "call-timeout", connect.plus(read));
        String key = HttpTimeouts.MAX_RESPONSE_BYTES_KEY;
        int max;
        try {
            max = Integer.parseInt(optional(key).orElse(String.valueOf(HttpTimeouts.DEFAULT_MAX_RESPONSE_BYTES)));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key, "must be a whole number of bytes from 1024 to 16777216");
        }
        if (max < 1024 || max > 16 << 20) {
            throw new ConfigurationException(key, "must be a whole number of bytes from 1024 to 16777216");
        }
        return new HttpTimeouts(connect, read, total, max);
    }

    /** A list separated by spaces and/or commas; the default when absent. */
    public List<String> list(String key, String defaultValue) {
        String raw = optional(key).orElse(defaultValue);
        return Arrays.stream(raw.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String wanted = raw.get().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new ConfigurationException(key, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
    }

    private static URI toUri(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw new ConfigurationException(key, "must be an absolute http(s) URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(key, "is not a valid URI");
        }
    }

    private static Duration toDuration(String key, String value) {
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(key, "is not a duration (use e.g. 10s, 500ms or PT10S)");
        }
    }
}
