package io.passerine.login.internal.grants;

import io.passerine.login.internal.GrantedTokens;
import io.passerine.ProviderException;
import io.passerine.login.LoginRequiredException;

/** The provider calls the grant store needs: the login's own refresh (RFC 6749 §6) and revocation (RFC 7009). */
public interface TokenCalls {

    /**
     * Spends {@code current}'s refresh token once.
     *
     * @throws LoginRequiredException the provider rejected it ({@code invalid_grant}: revoked, rotated, expired)
     * @throws ProviderException a transient failure (timeout, 5xx, garbage)
     */
    GrantedTokens refresh(GrantedTokens current);

    /** Revokes the refresh token, then the access token; best effort. @return true when every call succeeded */
    boolean revoke(GrantedTokens tokens);
}
