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

    private final Reason reason;
    private final String userId;

    public GrantException(Reason reason, String userId, String message) {
        this(reason, userId, message, null);
    }

    public GrantException(Reason reason, String userId, String message, Throwable cause) {
        super(message, cause, false, cause != null);
        this.reason = reason;
        this.userId = userId;
    }

    public Reason reason() {
        return reason;
    }

    /** The user whose grant failed; null for a failure of the store as a whole (listing). */
    public String userId() {
        return userId;
    }
}
