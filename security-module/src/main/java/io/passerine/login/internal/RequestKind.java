package io.passerine.login.internal;

import io.passerine.internal.config.ApiDetection;
import io.passerine.internal.config.ApiDetection.Signal;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Whether a request that needs a login is a top-level browser navigation (which may be redirected to X's consent
 * page) or anything else (fetch/XHR, an iframe, curl, another server), which gets a 401 with a challenge: a redirect
 * to x.com is useless there (a script sees an opaque CORS failure, a frame is refused by X). Plain Java; the rules, in
 * order, each only if enabled in {@link ApiDetection}:
 * <ol>
 * <li>Fetch metadata (W3C Fetch Metadata Request Headers): when {@code Sec-Fetch-Mode} is present it decides alone —
 * a navigation is {@code Sec-Fetch-Mode: navigate} with {@code Sec-Fetch-Dest: document} (or no dest); {@code cors},
 * {@code no-cors}, {@code same-origin}, {@code websocket}, and navigations of frames are not;</li>
 * <li>{@code X-Requested-With: XMLHttpRequest} is not a navigation (only that value: Android WebViews send their app's
 * package name on navigations);</li>
 * <li>an {@code Accept} header that accepts neither {@code text/html} nor {@code application/xhtml+xml} (RFC 9110
 * §12.5.1, {@code q=0} meaning "not acceptable") is not a navigation: browsers send {@code text/html} on every
 * navigation, fetch() sends {@code *}{@code /*};</li>
 * <li>anything else, a request without any of these headers included, is a navigation (the behaviour before).</li>
 * </ol>
 */
enum RequestKind {
    /** A top-level browser navigation: may be redirected to the login. */
    NAVIGATION,
    /** Not a navigation: 401 with a {@code WWW-Authenticate} challenge, never a redirect. */
    API;

    private static final int MAX_ACCEPT = 4096;

    /**
     * @param detection the enabled signals
     * @param headers the request's header by (case-insensitive) name, null when absent
     */
    public static RequestKind of(ApiDetection detection, UnaryOperator<String> headers) {
        if (detection.uses(Signal.SEC_FETCH)) {
            String mode = headers.apply("Sec-Fetch-Mode");
            if (mode != null) {
                String dest = headers.apply("Sec-Fetch-Dest");
                boolean navigation = mode.trim().equalsIgnoreCase("navigate")
                        && (dest == null || dest.trim().equalsIgnoreCase("document"));
                return navigation ? NAVIGATION : API;
            }
        }
        if (detection.uses(Signal.X_REQUESTED_WITH)) {
            String xrw = headers.apply("X-Requested-With");
            if (xrw != null && xrw.trim().equalsIgnoreCase("XMLHttpRequest")) {
                return API;
            }
        }
        if (detection.uses(Signal.ACCEPT)) {
            String accept = headers.apply("Accept");
            if (accept != null && !accept.isBlank() && !acceptsHtml(accept)) {
                return API;
            }
        }
        return NAVIGATION;
    }

    /** Whether an {@code Accept} value lists {@code text/html}, {@code application/xhtml+xml} or {@code text/*} with q > 0. */
    static boolean acceptsHtml(String accept) {
        if (accept.length() > MAX_ACCEPT) {
            return true; // not worth parsing: no client we could help sends that; keep the old behaviour
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if ((type.equals("text/html") || type.equals("application/xhtml+xml") || type.equals("text/*"))
                    && qualityAboveZero(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean qualityAboveZero(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim()) > 0;
                } catch (NumberFormatException e) {
                    return true; // a malformed weight: RFC 9110 gives it no meaning; treat the range as acceptable
                }
            }
        }
        return true;
    }
}
