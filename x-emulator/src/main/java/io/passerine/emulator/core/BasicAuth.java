package io.passerine.emulator.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An {@code Authorization: Basic} header's two halves, URL-decoded (RFC 6749 section 2.3.1; X's app-only flow
 * encodes them the same way; values without {@code %} or {@code +} are unchanged by decoding).
 */
public record BasicAuth(String user, String password) {

    /** Empty when the header is absent or not a well-formed Basic header. */
    public static Optional<BasicAuth> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicAuth(decode(decoded.substring(0, colon)),
                    decode(decoded.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The header value for the given halves, encoded the way X's app-only docs describe. */
    public static String header(String user, String password) {
        String raw = encode(user) + ":" + encode(password);
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The value after {@code Bearer }, or null. */
    public static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = header.substring(7).trim();
        return t.isEmpty() ? null : t;
    }
}
