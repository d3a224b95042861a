package io.passerine.api;

import java.util.Map;
import java.util.Optional;

/**
 * The current X quotas, per client and endpoint, as the outgoing Passerine filters saw them on every response
 * ({@code @Inject RateLimits limits;}). Clients are named {@code app-only} / {@code app-only:<name>} for app-only
 * clients and {@code user:<username>} for calls as a user; endpoints by method and path ({@code GET /2/tweets}).
 * Read-only.
 */
public interface RateLimits {

    /**
     * @param client   as in the class comment, e.g. {@code app-only} or {@code user:<username>}
     * @param endpoint method and path, e.g. {@code GET /2/tweets}
     * @return the last quota X reported for that client and endpoint, if any call reported one
     */
    Optional<RateLimit> current(String client, String endpoint);

    /** {@return everything known: client → endpoint → quota} */
    Map<String, Map<String, RateLimit>> snapshot();
}
