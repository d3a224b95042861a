package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;

/**
 * Exchanges an authorization code for tokens (RFC 6749 §4.1.3) with the PKCE {@code code_verifier} (RFC 7636 §4.5)
 * and the configured redirect URI — never one rebuilt from Host or X-Forwarded-* headers.
 */
final class CodeExchange {

    private final TokenEndpoint endpoint;
    private final java.net.URI redirectUri;

    CodeExchange(TokenEndpoint endpoint, java.net.URI redirectUri) {
        this.endpoint = endpoint;
        this.redirectUri = redirectUri;
    }

    /** @throws io.passerine.ProviderException when the provider rejects the code or answers garbage */
    public GrantedTokens exchange(AuthorizationCode code, LoginTransaction tx) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirectUri, tx.verifier());
        return endpoint.request(grant, java.util.Set.of(), "token request (authorization code)"); // no scope: none
    }
}
