package io.passerine.login.internal;

import io.passerine.login.internal.grants.TokenCalls;
import io.passerine.login.internal.grants.Tokens;

/** The grant store's provider calls: the login's {@link Refresher} and {@link Revoker}, on their own endpoint. */
final class GrantTokenCalls implements TokenCalls {

    private final Refresher refresher;
    private final Revoker revoker;

    GrantTokenCalls(TokenEndpoint endpoint) {
        this.refresher = new Refresher(endpoint);
        this.revoker = new Revoker(endpoint);
    }

    @Override
    public Tokens refresh(Tokens current) {
        return tokens(refresher.refresh(granted(current)));
    }

    @Override
    public boolean revoke(Tokens tokens) {
        return revoker.revoke(granted(tokens));
    }

    static GrantedTokens granted(Tokens t) {
        return new GrantedTokens(t.accessToken(), t.expiresAt(), t.refreshToken(), t.scopes());
    }

    static Tokens tokens(GrantedTokens g) {
        return new Tokens(g.accessToken(), g.expiresAt(), g.refreshToken(), g.scopes());
    }
}
