package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.passerine.internal.config.LoginSettings;
import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One login attempt: a one-time {@code state} (RFC 6749 §10.12, 256 random bits), a PKCE code verifier (RFC 7636 §4.1,
 * 256 random bits → 43 characters), the scopes asked for, the same-origin path to return to and, when a same-origin
 * form POST started the login, that form ({@link FormData}, issue 20: shown again after the login, never replayed).
 * Kept sealed; {@link #toString()} shows neither the state, the verifier nor the form's values.
 */
final class LoginTransaction implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Bytes of randomness in state and verifier: 32 bytes = 256 bits (RFC 9700 §2.1.1 asks for ≥ 128). */
    static final int RANDOM_BYTES = 32;

    private final String state;
    private final String verifier;
    private final String returnPath;
    private final List<String> scopes;
    private final Instant createdAt;
    private final FormData form;

    LoginTransaction(String state, String verifier, String returnPath, List<String> scopes, Instant createdAt) {
        this(state, verifier, returnPath, scopes, createdAt, null);
    }

    LoginTransaction(String state, String verifier, String returnPath, List<String> scopes, Instant createdAt,
            FormData form) {
        this.state = state;
        this.verifier = verifier;
        this.returnPath = returnPath;
        this.scopes = List.copyOf(scopes);
        this.createdAt = createdAt;
        this.form = form;
    }

    /** This transaction keeping {@code form} (none when empty) for the page it returns to. */
    LoginTransaction withForm(Optional<FormData> form) {
        return new LoginTransaction(state, verifier, returnPath, scopes, createdAt, form.orElse(null));
    }

    /** A fresh transaction (new state, new verifier) from a {@link java.security.SecureRandom} via Nimbus. */
    public static LoginTransaction start(String returnPath, List<String> scopes, Instant now) {
        return new LoginTransaction(new State(RANDOM_BYTES).getValue(), new CodeVerifier().getValue(),
                ReturnPath.orRoot(returnPath), scopes, now);
    }

    /**
     * The authorization request (RFC 6749 §4.1.1 + RFC 7636 §4.3): response_type=code, client_id, the configured
     * redirect_uri exactly, scope, state, code_challenge and code_challenge_method=S256 (never plain).
     */
    URI authorizationUri(LoginSettings settings) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(settings.clientId()))
                .endpointURI(settings.authorizeUri())
                .redirectionURI(settings.redirectUri())
                .scope(new Scope(scopes.toArray(String[]::new)))
                .state(new State(state))
                .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    public String state() {
        return state;
    }

    CodeVerifier verifier() {
        return new CodeVerifier(verifier);
    }

    String returnPath() {
        return returnPath;
    }

    public List<String> scopes() {
        return scopes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The form kept for the first GET of {@link #returnPath()} after the login, if any. */
    public Optional<FormData> form() {
        return Optional.ofNullable(form);
    }

    @Override
    public String toString() {
        return "LoginTransaction[returnPath=" + returnPath + ", scopes=" + scopes + ", createdAt=" + createdAt
                + (form == null ? "" : ", form=" + form.size() + " bytes") + "]";
    }
}
