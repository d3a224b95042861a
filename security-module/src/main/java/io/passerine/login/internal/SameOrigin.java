package io.passerine.login.internal;

import java.net.URI;
import java.util.Locale;

/**
 * The cross-site request check of state-changing endpoints (logout): the request's {@code Origin} (RFC 6454 §7), or
 * when a browser sent none its {@code Referer}, must be the application's own origin, taken from the configured
 * redirect URI (never from Host or X-Forwarded-* headers). A request with neither is refused: every browser sends
 * {@code Origin} on a POST, and an origin of {@code null} (sandboxed or privacy-stripped) is not the app's. OWASP
 * CSRF Cheat Sheet, "Verifying Origin With Standard Headers".
 */
final class SameOrigin {

    private final String origin;

    SameOrigin(URI appUri) {
        this.origin = originOf(appUri);
        if (origin == null) {
            throw new IllegalArgumentException("not an absolute http(s) URI");
        }
    }

    /** True when {@code originHeader}, or if absent {@code refererHeader}, names the application's origin. */
    boolean allows(String originHeader, String refererHeader) {
        if (originHeader != null) {
            return origin.equals(parse(originHeader));
        }
        return refererHeader != null && origin.equals(parse(refererHeader));
    }

    /** {@code scheme://host[:port]} in lower case, the scheme's default port left out; null when not http(s). */
    private static String parse(String header) {
        if (header.isEmpty() || header.length() > 2048) {
            return null;
        }
        try {
            return originOf(new URI(header));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String originOf(URI u) {
        String scheme = u.getScheme();
        String host = u.getHost();
        if (scheme == null || host == null || u.getRawUserInfo() != null) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
