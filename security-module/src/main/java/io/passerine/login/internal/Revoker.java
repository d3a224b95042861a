package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.passerine.http.ProviderException;
import java.lang.System.Logger.Level;

/**
 * Revokes the user's tokens at logout (RFC 7009 §2.1): the refresh token first ({@code token_type_hint=refresh_token},
 * which also ends its access tokens at most providers), then the access token. A failure is logged without token
 * values and never stops the logout.
 */
public final class Revoker {

    private static final System.Logger LOG = System.getLogger(Revoker.class.getName());

    private final TokenEndpoint endpoint;

    public Revoker(TokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** @return true when every revocation call succeeded */
    public boolean revoke(TokenSet tokens) {
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

    private static boolean attempt(Runnable call, String what) {
        try {
            call.run();
            return true;
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "Could not revoke the " + what + " at logout (the user is logged out anyway): "
                    + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not revoke the " + what + " at logout (the user is logged out anyway): "
                    + e.getClass().getSimpleName());
            return false;
        }
    }
}
