package io.passerine.api.internal;

import io.passerine.api.RateLimits;
import io.passerine.internal.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;

/**
 * The application's API-call state, one per application (CDI): the rate-limit registry and the 429/5xx policy from
 * {@code passerine.api.*} ({@link ApiExtension}). Filters used outside a CDI container share a default one.
 */
@ApplicationScoped
public class ApiCallState {

    private static final class Fallback {
        static final ApiCallState INSTANCE = new ApiCallState(
                new ApiPolicy(ApiSettings.read(ConfigReader.of(Map.of())), Clock.systemUTC()));
    }

    private final RateLimitRegistry registry = new RateLimitRegistry();
    private final Clock clock = Clock.systemUTC();
    private volatile ApiPolicy policy;

    /** Holds {@code passerine.api.*} as validated at deployment. */
    @Inject
    ApiExtension extension;

    /** For CDI: the policy is built on first use from the settings {@link ApiExtension} validated. */
    public ApiCallState() {
    }

    ApiCallState(ApiPolicy policy) {
        this.policy = policy;
    }

    /** The application's runtime, or the default one where there is no CDI container. */
    public static ApiCallState current() {
        try {
            return CDI.current().select(ApiCallState.class).get();
        } catch (IllegalStateException | jakarta.enterprise.inject.UnsatisfiedResolutionException noCdi) {
            return Fallback.INSTANCE;
        }
    }

    public RateLimitRegistry registry() {
        return registry;
    }

    public Clock clock() {
        return clock;
    }

    public ApiPolicy policy() {
        ApiPolicy p = policy;
        if (p == null) {
            p = new ApiPolicy(extension.settings(), clock);
            policy = p;
        }
        return p;
    }

    @Produces
    @ApplicationScoped
    RateLimits rateLimits() {
        return registry;
    }
}
