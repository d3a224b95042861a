package io.passerine.login;

/**
 * The user has to log in (again): there is no login in this session, the access token expired without a refresh
 * token, or the provider rejected the refresh. Not an error: the JAX-RS mapper shipped in this jar answers it with a
 * redirect to the login; servlets can call {@link StepUp#login} or simply let the container re-authenticate.
 */
public class LoginRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why a login is needed, for a person; no token */
    public LoginRequiredException(String message) {
        super(message, null, false, false);
    }
}
