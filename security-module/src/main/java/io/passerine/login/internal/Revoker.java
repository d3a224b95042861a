package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.passerine.ProviderException;
import java.lang.System.Logger.Level;

/**
 * Revokes the user's tokens at logout (RFC 7009 §2.1): the refresh token first ({@code token_type_hint=refresh_token},
 * which also ends its access tokens at most providers), then the access token. A failure is logged without token
 * values and never stops the logout.
 */
final class Revoker {

    private static final System.Logger LOG = System.getLogger(Revoker.class.getName());

    private final TokenEndpoint endpoint;

    Revoker(TokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** @return true when every revocation call succeeded */
    public boolean revoke(GrantedTokens tokens) {
        if (tokens == null) {
            return true;
        }
        boolean ok = true;
        if (tokens.hasRefreshToken()) {
            ok &= attempt(() -> endpoint.revoke(new RefreshToken(tokens.refreshToken())), "refresh token");
        }
        ok &= attempt(() -> endpoint.revoke(new BearerAccessToken(tokens.accessToken())), "access token");
        return ok;
    }

    /**
     * After a login replaced {@code old} with {@code next} in one session: another user's tokens are revoked whole;
     * the same user's (step-up) lose their old refresh token unless the provider handed the same one back (the old
     * access token stays valid until it expires, as RFC 6749 §6 allows for refreshed grants).
     *
     * @return true when every revocation call succeeded
     */
    boolean supersede(GrantedTokens old, GrantedTokens next, boolean sameUser) {
        if (old == null) {
            return true;
        }
        if (!sameUser) {
            return revoke(old);
        }
        if (!old.hasRefreshToken() || old.refreshToken().equals(next.refreshToken())) {
            return true;
        }
        return attempt(() -> endpoint.revoke(new RefreshToken(old.refreshToken())), "superseded refresh token");
    }

    private static boolean attempt(Runnable call, String what) {
        try {
            call.run();
            return true;
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "Could not revoke the " + what + " (going on anyway): "
                    + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not revoke the " + what + " (going on anyway): "
                    + e.getClass().getSimpleName());
            return false;
        }
    }
}
