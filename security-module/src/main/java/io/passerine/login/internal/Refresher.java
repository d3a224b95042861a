package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.passerine.ProviderException;
import io.passerine.login.LoginRequiredException;
import io.passerine.internal.metrics.Metrics;
import java.time.Duration;

/**
 * Refreshes the user's access token (RFC 6749 §6). X rotates refresh tokens: the answer's new refresh token replaces
 * the old one (which then fails), so callers must make this single-flight ({@link SessionLogin}). When the answer
 * has no refresh token the old one is kept (§6 allows both).
 */
class Refresher {

    private final TokenEndpoint endpoint;
    private final Duration backoffMin;
    private final Duration backoffMax;

    Refresher(TokenEndpoint endpoint) {
        this.endpoint = endpoint;
        this.backoffMin = endpoint.settings().policy().refreshBackoffMin();
        this.backoffMax = endpoint.settings().policy().refreshBackoffMax();
    }

    /**
     * How long a session waits before its next refresh call after {@code failures} transient failures in a row:
     * {@code refresh-backoff-min} doubling up to {@code refresh-backoff-max}.
     */
    public Duration backoff(int failures) {
        Duration d = backoffMin;
        for (int i = 1; i < failures && d.compareTo(backoffMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    /** A refresh whose result nobody may use (the user logged out meanwhile): revoke it, best effort. */
    void orphaned(GrantedTokens refreshed) {
        new Revoker(endpoint).revoke(refreshed);
    }

    /**
     * @throws LoginRequiredException when the provider rejects the refresh token (400/401: revoked, rotated, expired)
     * @throws ProviderException on timeout, unreachable provider, 5xx or garbage (the tokens may be retried later)
     */
    public GrantedTokens refresh(GrantedTokens current) {
        Metrics metrics = endpoint.metrics();
        try {
            GrantedTokens next = refreshOnce(current);
            metrics.refresh(TokenEndpoint.CLIENT, Metrics.REFRESHED);
            return next;
        } catch (LoginRequiredException e) {
            metrics.refresh(TokenEndpoint.CLIENT, Metrics.LOGIN_REQUIRED);
            throw e;
        } catch (RuntimeException e) {
            metrics.refresh(TokenEndpoint.CLIENT, Metrics.FAILED);
            throw e;
        }
    }

    private GrantedTokens refreshOnce(GrantedTokens current) {
        if (!current.hasRefreshToken()) {
            throw new LoginRequiredException("The access token expired and there is no refresh token");
        }
        GrantedTokens next;
        try {
            next = endpoint.request(new RefreshTokenGrant(new RefreshToken(current.refreshToken())),
                    current.scopes(), "token request (refresh)"); // no scope in the answer: the previous grant
        } catch (ProviderException e) {
            // 400 invalid_grant / 401 invalid_client: the refresh token is dead; 408, 429 and the like are transient
            if (e.failure() == ProviderException.Failure.REJECTED && (e.httpStatus() == 400 || e.httpStatus() == 401)) {
                throw new LoginRequiredException("The provider rejected the refresh token ("
                        + e.providerError().orElse("HTTP " + e.httpStatus()) + ")");
            }
            throw e;
        }
        return next.hasRefreshToken() ? next
                : new GrantedTokens(next.accessToken(), next.expiresAt(), current.refreshToken(), next.scopes());
    }
}
