package io.passerine.login;

/**
 * The request attributes a failed or cancelled login sets before it forwards to the application's own error page
 * ({@code passerine.login.error-page}). The values are plain text without any secret: escape them as HTML.
 *
 * <pre>{@code
 * Integer status = (Integer) req.getAttribute(LoginErrorAttributes.STATUS);
 * }</pre>
 */
public final class LoginErrorAttributes {

    /** The HTTP status of the failure (an {@link Integer}: 400, 403 when cancelled, 502, 504). */
    public static final String STATUS = "io.passerine.login.error.status";
    /** A short title for the page (a {@link String}). */
    public static final String TITLE = "io.passerine.login.error.title";
    /** What went wrong, for the user (a {@link String}). */
    public static final String MESSAGE = "io.passerine.login.error.message";

    private LoginErrorAttributes() {
    }
}
