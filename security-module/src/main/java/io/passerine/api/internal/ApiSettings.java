package io.passerine.api.internal;

import io.passerine.internal.config.ConfigReader;
import io.passerine.ConfigurationException;
import java.time.Duration;

/**
 * How the outgoing API filters treat 429 and 5xx answers, and whether X may see the app's trace context
 * ({@code passerine.api.*}).
 *
 * @param propagateTraceContext false (default): the W3C Trace Context and Baggage headers that a runtime-level
 *                              OpenTelemetry instrumentation adds to JAX-RS client calls are removed from calls to X,
 *                              so that internal trace ids are not sent to a third party
 */
public record ApiSettings(boolean waitOnRateLimit, Duration maxRateLimitWait, Duration rateLimitJitter,
        int serverErrorRetries, Duration serverErrorBackoff, boolean propagateTraceContext) {

    public static final String PREFIX = "passerine.api.";

    public static ApiSettings read(ConfigReader c) {
        boolean wait = flag(c, PREFIX + "rate-limit.wait");
        String retriesKey = PREFIX + "server-error.retries";
        int retries;
        try {
            retries = Integer.parseInt(c.optional(retriesKey).orElse("2"));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(retriesKey, "must be a whole number from 0 to 10");
        }
        if (retries < 0 || retries > 10) {
            throw new ConfigurationException(retriesKey, "must be a whole number from 0 to 10");
        }
        return new ApiSettings(wait,
                c.duration(PREFIX + "rate-limit.max-wait", Duration.ofSeconds(60)),
                c.duration(PREFIX + "rate-limit.jitter", Duration.ofSeconds(1)),
                retries,
                c.duration(PREFIX + "server-error.backoff", Duration.ofMillis(200)),
                flag(c, PREFIX + "propagate-trace-context"));
    }

    private static boolean flag(ConfigReader c, String key) {
        String v = c.optional(key).orElse("false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigurationException(key, "must be true or false");
        }
        return v.equals("true");
    }
}
