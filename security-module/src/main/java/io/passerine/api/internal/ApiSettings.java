package io.passerine.api.internal;

import io.passerine.config.ConfigReader;
import io.passerine.config.ConfigurationException;
import java.time.Duration;

/** How the outgoing API filters treat 429 and 5xx answers ({@code passerine.api.*}). */
public record ApiSettings(boolean waitOnRateLimit, Duration maxRateLimitWait, Duration rateLimitJitter,
        int serverErrorRetries, Duration serverErrorBackoff) {

    public static final String PREFIX = "passerine.api.";

    public static ApiSettings read(ConfigReader c) {
        String waitKey = PREFIX + "rate-limit.wait";
        String wait = c.optional(waitKey).orElse("false");
        if (!wait.equals("true") && !wait.equals("false")) {
            throw new ConfigurationException(waitKey, "must be true or false");
        }
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
        return new ApiSettings(Boolean.parseBoolean(wait),
                c.duration(PREFIX + "rate-limit.max-wait", Duration.ofSeconds(60)),
                c.duration(PREFIX + "rate-limit.jitter", Duration.ofSeconds(1)),
                retries,
                c.duration(PREFIX + "server-error.backoff", Duration.ofMillis(200)));
    }
}
