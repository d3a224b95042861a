package io.passerine.login.internal;

import io.passerine.login.internal.grants.TokenCalls;

/** The grant store's provider calls: the login's {@link Refresher} and {@link Revoker}, on their own endpoint. */
final class GrantTokenCalls implements TokenCalls {

    private final Refresher refresher;
    private final Revoker revoker;

    GrantTokenCalls(TokenEndpoint endpoint) {
        this.refresher = new Refresher(endpoint);
        this.revoker = new Revoker(endpoint);
    }

    @Override
    public GrantedTokens refresh(GrantedTokens current) {
        return refresher.refresh(current);
    }

    @Override
    public boolean revoke(GrantedTokens tokens) {
        return revoker.revoke(tokens);
    }
}
