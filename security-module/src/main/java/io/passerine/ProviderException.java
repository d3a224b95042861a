package io.passerine;

import java.time.Instant;
import java.util.Optional;

/**
 * A call to the OAuth provider (token, revocation, userinfo, API) failed. The message says what happened in words a
 * person can act on; it never contains a credential, code, verifier or token.
 *
 * <p>An EJB application exception: an EJB caller catches this type itself, not an {@code EJBException} around it,
 * and a failed token request does not by itself roll the caller's transaction back.
 */
@jakarta.ejb.ApplicationException(rollback = false)
public class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough to act on. */
    public enum Failure {
        /** Connection refused, unknown host, TLS failure. */
        UNREACHABLE,
        /** Connect or read timeout. */
        TIMEOUT,
        /** The provider answered with an error status (4xx/5xx). */
        REJECTED,
        /** The provider answered 2xx with a body we cannot use (HTML, bad JSON, no access_token, wrong token_type). */
        MALFORMED_RESPONSE,
        /** We did not call: an earlier failure is still inside its backoff window. */
        BACKING_OFF
    }

    private final Failure failure;
    private final int httpStatus;
    private final String providerError;
    private final transient Instant retryAfter;

    public ProviderException(Failure failure, String message, int httpStatus, String providerError, Instant retryAfter,
            Throwable cause) {
        super(message, cause, false, cause != null);
        this.failure = failure;
        this.httpStatus = httpStatus;
        this.providerError = providerError;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Failure failure, String message) {
        this(failure, message, 0, null, null, null);
    }

    public Failure failure() {
        return failure;
    }

    /** The provider's HTTP status, 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's error code ({@code invalid_grant}, X's {@code 99}, ...), if it sent one. */
    public Optional<String> providerError() {
        return Optional.ofNullable(providerError);
    }

    /** When the next attempt will be made (backoff) or may succeed (rate limit reset), if known. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
