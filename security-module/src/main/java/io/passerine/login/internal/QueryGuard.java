package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.login.internal.LoginFailure.Kind;
import java.util.List;
import java.util.Map;

/**
 * Bounds a raw query string before anything parses it (checklist row 27). Parsing a query that repeats one
 * parameter 100,000 times costs seconds of CPU (servlet containers and Nimbus' {@link URLUtils} both grow the value
 * list of a repeated name by copying it); this check is one pass over at most {@code maxLength} characters with no
 * allocation, so a refused request costs about what a static page costs. Only then is the query parsed, by Nimbus,
 * never by the container ({@code getParameter} would parse the whole query first).
 */
public final class QueryGuard {

    private final int maxLength;
    private final int maxParams;

    public QueryGuard(int maxLength, int maxParams) {
        if (maxLength < 1 || maxParams < 1) {
            throw new IllegalArgumentException("Query limits must be positive");
        }
        this.maxLength = maxLength;
        this.maxParams = maxParams;
    }

    /**
     * Why {@code rawQuery} is refused, or null when it is within the limits: at most {@code maxLength} characters
     * and at most {@code maxParams} {@code &}-separated parts (empty parts count too). Linear, stops at the first
     * excess.
     */
    public String refusal(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        int length = rawQuery.length();
        if (length > maxLength) {
            return "The request's query is too long.";
        }
        int parts = 1;
        for (int i = 0; i < length; i++) {
            if (rawQuery.charAt(i) == '&' && ++parts > maxParams) {
                return "The request's query has too many parameters.";
            }
        }
        return null;
    }

    /**
     * The parameters of {@code rawQuery} (every value as received) once it passed {@link #refusal}.
     *
     * @throws LoginFailure 400 when the query is over a limit; nothing was parsed then
     */
    public Map<String, List<String>> parse(String rawQuery) {
        String refusal = refusal(rawQuery);
        if (refusal != null) {
            throw new LoginFailure(Kind.BAD_CALLBACK, refusal + " Please start again.");
        }
        return URLUtils.parseParameters(rawQuery);
    }
}
