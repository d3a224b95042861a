package io.passerine.login.internal.grants;

import io.passerine.login.internal.GrantedTokens;
import io.passerine.ProviderException;
import io.passerine.login.LoginRequiredException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays X's token endpoint for the grant store like X behaves: refresh tokens rotate — each refresh issues a new one
 * and the spent one fails with {@code invalid_grant} — and revoked tokens fail too. Counts every call.
 */
final class RotatingProvider implements TokenCalls {

    final AtomicInteger refreshes = new AtomicInteger();
    final List<GrantedTokens> revoked = new CopyOnWriteArrayList<>();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final Clock clock;
    volatile long delayMillis;
    volatile RuntimeException failNext;

    RotatingProvider(Clock clock) {
        this.clock = clock;
    }

    GrantedTokens issue(Set<String> scopes) {
        int n = issued.incrementAndGet();
        return new GrantedTokens("AT-secret-" + n, clock.instant().plus(Duration.ofHours(2)), "RT-secret-" + n, scopes);
    }

    @Override
    public GrantedTokens refresh(GrantedTokens current) {
        refreshes.incrementAndGet();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis); // a slow provider: lets concurrent callers pile up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException f = failNext;
        if (f != null) {
            failNext = null;
            throw f;
        }
        if (!dead.add(current.refreshToken())) {
            throw new LoginRequiredException("The provider rejected the refresh token (invalid_grant)");
        }
        return issue(current.scopes());
    }

    /** Revokes the grant at the provider, as a user would in X's settings. */
    void revokeAtProvider(GrantedTokens t) {
        dead.add(t.refreshToken());
    }

    @Override
    public boolean revoke(GrantedTokens tokens) {
        revoked.add(tokens);
        dead.add(tokens.refreshToken());
        return true;
    }

    static ProviderException unavailable() {
        return new ProviderException(ProviderException.Failure.REJECTED, "token request (refresh) failed: HTTP 503",
                503, "temporarily_unavailable", null, null);
    }
}
