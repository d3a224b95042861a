package io.passerine.login.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the browser goes after login: only ever a same-origin absolute path (RFC 9700 §4.11, open redirectors).
 * Absolute URLs, scheme-relative {@code //host}, backslashes (browsers read {@code /\host} as {@code //host}),
 * fragments, and any character that is not printable ASCII are refused: browsers send non-ASCII percent-encoded,
 * and a container that writes {@code U+010A} into the {@code Location} header as its low byte would write a line
 * break (found by {@code ReturnPathPropertyTest}).
 */
public final class ReturnPath {

    private static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    /** The candidate if it is a safe same-origin path (with optional query), else empty. */
    static Optional<String> sanitize(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/' || candidate.startsWith("//") || candidate.indexOf('\\') >= 0
                || candidate.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            String decoded = uri.getPath();
            if (decoded == null || decoded.startsWith("//") || decoded.indexOf('\\') >= 0) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** The path + query the browser asked for ({@code requestUri} already contains the context root). */
    public static String of(String requestUri, String queryString) {
        String path = queryString == null || queryString.isEmpty() ? requestUri : requestUri + "?" + queryString;
        return orRoot(path);
    }

    /** The candidate if safe, else {@code /}. */
    static String orRoot(String candidate) {
        return sanitize(candidate).orElse("/");
    }
}
