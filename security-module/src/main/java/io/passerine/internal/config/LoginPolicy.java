package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits and rules the login enforces on what browsers and the provider send (issue 13), read from
 * {@code passerine.login.*} with safe defaults. Immutable.
 *
 * @param maxQueryLength longest query string accepted on the callback and on {@code /oauth2/login}, checked before
 *        any parsing (an X callback is ≈ 150 characters; a step-up carries a return path of at most 2,048)
 * @param maxQueryParams most {@code &}-separated parameters accepted there (a callback has 2–4)
 * @param stepUpScopes the scopes {@code /oauth2/login?scope=} may ask for: X's published scopes plus the configured
 *        login scopes by default; an explicit list replaces X's (the login scopes stay allowed)
 * @param defaultExpiresIn the life of an access token whose token response has no {@code expires_in} (RFC 6749
 *        §5.1 makes it optional; X always sends 7200)
 * @param refreshBackoffMin wait after a session's first transient refresh failure before it calls again
 * @param refreshBackoffMax cap of that doubling wait
 * @param maxSavedForm the largest same-origin form body (bytes, 0–2048; 0 = none) kept across a login that it
 *        started, to be shown again afterwards (issue 20)
 */
public record LoginPolicy(int maxQueryLength, int maxQueryParams, Set<String> stepUpScopes,
        Duration defaultExpiresIn, Duration refreshBackoffMin, Duration refreshBackoffMax, int maxSavedForm) {

    /** Default cap of a kept form: 2 KiB, so that the sealed transaction cookie stays under 4 KiB. */
    static final int DEFAULT_MAX_SAVED_FORM = 2048;

    /** X's published OAuth 2.0 scopes (x-oauth2-reference.md, "Scopes"). */
    static final List<String> X_SCOPES = List.of("tweet.read", "tweet.write", "tweet.moderate.write",
            "users.read", "users.email", "follows.read", "follows.write", "offline.access", "space.read", "mute.read",
            "mute.write", "like.read", "like.write", "list.read", "list.write", "block.read", "block.write",
            "bookmark.read", "bookmark.write", "dm.read", "dm.write", "media.write");

    /** RFC 6749 §3.3 scope-token. */
    public static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private static final String PREFIX = LoginSettings.PREFIX;

    public LoginPolicy {
        stepUpScopes = Set.copyOf(stepUpScopes);
    }

    /** With the default {@link #DEFAULT_MAX_SAVED_FORM}. */
    public LoginPolicy(int maxQueryLength, int maxQueryParams, Set<String> stepUpScopes, Duration defaultExpiresIn,
            Duration refreshBackoffMin, Duration refreshBackoffMax) {
        this(maxQueryLength, maxQueryParams, stepUpScopes, defaultExpiresIn, refreshBackoffMin, refreshBackoffMax,
                DEFAULT_MAX_SAVED_FORM);
    }

    /** Reads the policy keys; {@code loginScopes} are always allowed for step-up. */
    public static LoginPolicy from(ConfigReader c, List<String> loginScopes) {
        int maxLength = boundedInt(c, PREFIX + "max-query-length", 4096, 256, 1 << 20);
        int maxParams = boundedInt(c, PREFIX + "max-query-params", 16, 4, 1000);
        Optional<String> configured = c.optional(PREFIX + "step-up-scopes");
        List<String> allowed = configured.isPresent() ? c.list(PREFIX + "step-up-scopes", "") : X_SCOPES;
        if (!allowed.stream().allMatch(s -> SCOPE_TOKEN.matcher(s).matches())) {
            throw new ConfigurationException(PREFIX + "step-up-scopes", "must list scope tokens separated by spaces");
        }
        Set<String> stepUp = new LinkedHashSet<>(allowed);
        stepUp.addAll(loginScopes);
        Duration expiresIn = c.positiveDuration(PREFIX + "default-expires-in", Duration.ofSeconds(7200));
        Duration min = c.positiveDuration(PREFIX + "refresh-backoff-min", Duration.ofSeconds(1));
        Duration max = c.positiveDuration(PREFIX + "refresh-backoff-max", Duration.ofMinutes(5));
        if (max.compareTo(min) < 0) {
            throw new ConfigurationException(PREFIX + "refresh-backoff-max", "must not be smaller than "
                    + PREFIX + "refresh-backoff-min");
        }
        int maxSavedForm = boundedInt(c, PREFIX + "max-saved-form", DEFAULT_MAX_SAVED_FORM, 0,
                DEFAULT_MAX_SAVED_FORM);
        return new LoginPolicy(maxLength, maxParams, stepUp, expiresIn, min, max, maxSavedForm);
    }

    /** Whether {@code scope} may be asked for through step-up. */
    public boolean stepUpAllowed(String scope) {
        return stepUpScopes.contains(scope);
    }

    private static int boundedInt(ConfigReader c, String key, int defaultValue, int min, int max) {
        Optional<String> raw = c.optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(raw.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ConfigurationException(key, "must be a whole number from " + min + " to " + max);
    }
}
