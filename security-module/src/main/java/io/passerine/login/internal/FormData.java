package io.passerine.login.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a same-origin form POST kept across a login (issue 20): the
 * {@code application/x-www-form-urlencoded} body (WHATWG URL §5, HTML §4.10.21.8) exactly as the browser sent it,
 * printable ASCII only (browsers percent-encode everything else), at most {@link #MAX_BYTES}. Kept as data to show
 * again, never to act on. {@link #toString()} shows sizes only: the values are the user's text.
 */
public final class FormData implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** The ceiling of any configured cap: the form must fit in the sealed transaction cookie (≈ 4 KiB). */
    static final int MAX_BYTES = 2048;

    private final String encoded;
    private final transient Map<String, List<String>> parameters;

    private FormData(String encoded, Map<String, List<String>> parameters) {
        this.encoded = encoded;
        this.parameters = parameters;
    }

    /**
     * The form in {@code encoded} when it is at most {@code maxBytes} (≤ {@link #MAX_BYTES}) characters of printable
     * ASCII with at least one parameter and well-formed percent-escapes; else empty. Linear in its length.
     */
    public static Optional<FormData> parse(String encoded, int maxBytes) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > Math.min(maxBytes, MAX_BYTES)
                || encoded.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.empty();
        }
        Map<String, List<String>> params;
        try { // the query parser: strict percent-decoding as UTF-8, '+' is a space, never trimmed
            params = new QueryGuard(MAX_BYTES, MAX_BYTES).parse(encoded);
        } catch (LoginFailure e) {
            return Optional.empty();
        }
        if (params.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Optional.of(new FormData(encoded, Collections.unmodifiableMap(copy)));
    }

    /** The body as sent ({@code a=1&b=x+y}). */
    String encoded() {
        return encoded;
    }

    /** Name → values in the order sent; unmodifiable. */
    public Map<String, List<String>> parameters() {
        return parameters;
    }

    /** Its length in bytes (= characters: ASCII). */
    public int size() {
        return encoded.length();
    }

    @Serial
    private Object readResolve() {
        return parse(encoded, MAX_BYTES).orElseThrow(() -> new IllegalStateException("not a kept form"));
    }

    @Override
    public String toString() {
        return "FormData[" + parameters.size() + " parameter(s), " + size() + " bytes, values redacted]";
    }
}
