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

    /** What went wrong. */
    private final Failure failure;
    /** The provider's HTTP status, 0 when there was no answer. */
    private final int httpStatus;
    /** The provider's error code, or null. */
    private final String providerError;
    /** When a new attempt will be made or may succeed, or null (not serialized). */
    private final transient Instant retryAfter;

    /**
     * A failure with everything known about it (the library builds these through its internal factories).
     *
     * @param failure what went wrong
     * @param message what happened, for a person; never a credential, code, verifier or token
     * @param httpStatus the provider's HTTP status, 0 when there was no answer
     * @param providerError the provider's error code, or null
     * @param retryAfter when a new attempt will be made or may succeed, or null
     * @param cause the underlying exception, or null
     */
    public ProviderException(Failure failure, String message, int httpStatus, String providerError, Instant retryAfter,
            Throwable cause) {
        super(message, cause, false, cause != null);
        this.failure = failure;
        this.httpStatus = httpStatus;
        this.providerError = providerError;
        this.retryAfter = retryAfter;
    }

    /**
     * A failure without a provider answer.
     *
     * @param failure what went wrong
     * @param message what happened, for a person; never a credential, code, verifier or token
     */
    public ProviderException(Failure failure, String message) {
        this(failure, message, 0, null, null, null);
    }

    /** @return what went wrong */
    public Failure failure() {
        return failure;
    }

    /** @return the provider's HTTP status, 0 when there was no answer */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the provider's error code ({@code invalid_grant}, X's {@code 99}, ...), if it sent one */
    public Optional<String> providerError() {
        return Optional.ofNullable(providerError);
    }

    /** @return when the next attempt will be made (backoff) or may succeed (rate limit reset), if known */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
