package io.passerine.login.internal;

/**
 * A login that cannot go on, with the HTTP status and a short text for the user. The text never contains a code,
 * state, verifier, token or secret; provider text in it is cleaned by {@link io.passerine.internal.http.ProviderErrors} and
 * must still be HTML-escaped when rendered.
 */
final class LoginFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, with its HTTP status. */
    public enum Kind {
        /** The callback is not one we can accept (unknown/replayed state, duplicates, wrong iss): 400. */
        BAD_CALLBACK(400, "Login failed"),
        /**
         * The user declined at the provider ({@code error=access_denied}): 403, not 401 — a 401 needs a
         * {@code WWW-Authenticate} challenge (RFC 9110 §15.5.2), and Open Liberty takes a 401 from the mechanism as
         * its own challenge, rewriting status and headers after the page (SRVE8115W/SRVE8094W in the log).
         */
        CANCELLED(403, "Login cancelled"),
        /** A state-changing request from another site (logout without the app's Origin/Referer): 403. */
        CROSS_SITE(403, "Request refused"),
        /** The provider's token or userinfo endpoint answered with an error or garbage: 502. */
        PROVIDER(502, "Login failed"),
        /** The provider did not answer in time: 504. */
        TIMEOUT(504, "Login failed");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        /** The {@code passerine.reason} metrics attribute: {@code bad_callback}, {@code cancelled}, ... */
        public String reason() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;

    LoginFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The failure to show for a provider call that failed. */
    public static LoginFailure from(io.passerine.ProviderException e) {
        Kind kind = e.failure() == io.passerine.ProviderException.Failure.TIMEOUT ? Kind.TIMEOUT : Kind.PROVIDER;
        return new LoginFailure(kind, e.getMessage());
    }
}
