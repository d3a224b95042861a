package io.passerine.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User-context tokens. A grant (one consent) owns its access tokens and its one current refresh token; refreshing
 * rotates the refresh token (the old one stops working); revoking a refresh token ends the whole grant. Thread-safe.
 */
public final class TokenStore {

    /** One consent of a user to a client. */
    public static final class Grant {
        private final String clientId;
        private final User user;
        private final List<String> scopes;
        private volatile boolean revoked;

        Grant(String clientId, User user, List<String> scopes) {
            this.clientId = clientId;
            this.user = user;
            this.scopes = List.copyOf(scopes);
        }

        public String clientId() {
            return clientId;
        }

        public User user() {
            return user;
        }

        public List<String> scopes() {
            return scopes;
        }

        public boolean offline() {
            return scopes.contains("offline.access");
        }
    }

    /** What the token endpoint hands out; {@code refreshToken} is null without {@code offline.access}. */
    public record Issued(String accessToken, long expiresIn, String refreshToken, Grant grant) {
    }

    private record Access(Grant grant, Instant expiresAt) {
    }

    private final Map<String, Access> access = new ConcurrentHashMap<>();
    private final Map<String, Grant> refresh = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenStore(Clock clock) {
        this.clock = clock;
    }

    /** Starts a grant after a successful code exchange. */
    public Issued issue(String clientId, User user, List<String> scopes, Duration life) {
        return tokensFor(new Grant(clientId, user, scopes), life);
    }

    /** Rotates: the given refresh token is consumed; empty when it is unknown, used, revoked or another client's. */
    public Optional<Issued> refresh(String refreshToken, String clientId, Duration life) {
        Grant g = refreshToken == null ? null : refresh.get(refreshToken);
        if (g == null || g.revoked || !g.clientId.equals(clientId) || !refresh.remove(refreshToken, g)) {
            return Optional.empty();
        }
        return Optional.of(tokensFor(g, life));
    }

    /** The live grant behind an access token, if the token is known, unexpired and unrevoked. */
    public Optional<Grant> lookup(String accessToken) {
        Access a = accessToken == null ? null : access.get(accessToken);
        if (a == null || a.grant.revoked || !clock.instant().isBefore(a.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(a.grant);
    }

    /**
     * RFC 7009: revokes an access token, or a refresh token together with its grant, when it belongs to the client.
     * Unknown tokens are ignored.
     */
    public void revoke(String token, String clientId) {
        Access a = access.get(token);
        if (a != null && a.grant.clientId.equals(clientId)) {
            access.remove(token);
        }
        Grant g = refresh.get(token);
        if (g != null && g.clientId.equals(clientId)) {
            g.revoked = true;
            refresh.remove(token);
        }
    }

    public void clear() {
        access.clear();
        refresh.values().forEach(g -> g.revoked = true);
        refresh.clear();
    }

    private Issued tokensFor(Grant g, Duration life) {
        String at = Randoms.token(48);
        access.put(at, new Access(g, clock.instant().plus(life)));
        access.values().removeIf(a -> a.grant.revoked || !clock.instant().isBefore(a.expiresAt));
        String rt = null;
        if (g.offline()) {
            rt = Randoms.token(48);
            refresh.put(rt, g);
        }
        return new Issued(at, life.toSeconds(), rt, g);
    }
}
