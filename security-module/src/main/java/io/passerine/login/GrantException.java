package io.passerine.login;

/**
 * A stored user grant ({@link UserGrants}) cannot give an access token. The message names the user id and what to do;
 * it never contains a token, a key or a database value.
 *
 * <p>An EJB application exception: an EJB caller (a timer) catches this type itself, not an {@code EJBException}.
 */
@jakarta.ejb.ApplicationException(rollback = false)
public class GrantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No grant is stored for the user (never logged in with the store on, or disconnected). */
        NOT_STORED,
        /** X rejected the refresh token ({@code invalid_grant}): the grant is marked revoked; the user must log in. */
        REVOKED,
        /** The access token expired and the grant holds no refresh token ({@code offline.access} not granted). */
        EXPIRED,
        /** The stored tokens cannot be opened with the configured keys (wrong or rotated-out key): left untouched. */
        UNREADABLE,
        /** The database failed: down, a missing table, or a data source that cannot be used (see the message). */
        STORE_FAILED
    }

    /** Why. */
    private final Reason reason;
    /** Whose grant; null for the store as a whole. */
    private final String userId;

    /**
     * @param reason  why
     * @param userId  whose grant, or null for the store as a whole
     * @param message for a person: the user id and what to do; never a token, key or database value
     */
    public GrantException(Reason reason, String userId, String message) {
        this(reason, userId, message, null);
    }

    /**
     * @param reason  why
     * @param userId  whose grant, or null for the store as a whole
     * @param message for a person: the user id and what to do; never a token, key or database value
     * @param cause   the underlying failure (e.g. an {@code SQLException}), or null
     */
    public GrantException(Reason reason, String userId, String message, Throwable cause) {
        super(message, cause, false, cause != null);
        this.reason = reason;
        this.userId = userId;
    }

    /** {@return why the grant failed} */
    public Reason reason() {
        return reason;
    }

    /** {@return the user whose grant failed; null for a failure of the store as a whole (listing)} */
    public String userId() {
        return userId;
    }
}
