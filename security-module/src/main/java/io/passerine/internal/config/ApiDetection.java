package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which request headers tell the login that a request is not a top-level browser navigation, and so gets a 401 with a
 * challenge instead of a redirect to X ({@code passerine.login.api-detection}). Immutable.
 *
 * @param signals the headers consulted, in {@link Signal} order; empty: every request is treated as a navigation
 */
public record ApiDetection(Set<Signal> signals) {

    public static final String KEY = LoginSettings.PREFIX + "api-detection";
    /** All signals: the default. */
    public static final ApiDetection ALL = new ApiDetection(EnumSet.allOf(Signal.class));
    /** None: always a redirect, the behaviour before issue 15. */
    public static final ApiDetection NONE = new ApiDetection(EnumSet.noneOf(Signal.class));

    /** One kind of evidence, named in the configuration as {@code sec-fetch}, {@code x-requested-with}, {@code accept}. */
    public enum Signal {
        /** Fetch metadata (W3C): {@code Sec-Fetch-Mode} / {@code Sec-Fetch-Dest}; decisive when present. */
        SEC_FETCH,
        /** {@code X-Requested-With: XMLHttpRequest} (jQuery, Angular's and many XHR libraries' marker). */
        X_REQUESTED_WITH,
        /** An {@code Accept} header that does not accept {@code text/html} (curl's and fetch()'s {@code *}{@code /*}). */
        ACCEPT;

        String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ApiDetection {
        signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
    }

    public boolean uses(Signal s) {
        return signals.contains(s);
    }

    /** Reads {@value #KEY}: a list of signal names, or {@code none}; absent: all of them. */
    public static ApiDetection from(ConfigReader c) {
        List<String> names = c.list(KEY, "sec-fetch x-requested-with accept");
        if (names.size() == 1 && names.get(0).equalsIgnoreCase("none")) {
            return NONE;
        }
        EnumSet<Signal> chosen = EnumSet.noneOf(Signal.class);
        for (String name : names) {
            chosen.add(parse(name));
        }
        return new ApiDetection(chosen);
    }

    private static Signal parse(String name) {
        for (Signal s : Signal.values()) {
            if (s.configName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new ConfigurationException(KEY, "must list sec-fetch, x-requested-with, accept (any of them), or be none");
    }

    @Override
    public String toString() {
        return signals.isEmpty() ? "none"
                : String.join(" ", EnumSet.copyOf(signals).stream().map(Signal::configName).toList());
    }
}
