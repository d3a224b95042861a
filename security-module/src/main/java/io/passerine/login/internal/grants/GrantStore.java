package io.passerine.login.internal.grants;

import io.passerine.login.internal.GrantedTokens;
import io.passerine.api.BearerToken;
import io.passerine.internal.cluster.Sealer;
import io.passerine.login.GrantException;
import io.passerine.login.GrantException.Reason;
import io.passerine.login.StoredGrant;
import io.passerine.login.UserGrants;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link UserGrants} over a {@link GrantTable}. {@link #accessToken} is, fastest first: a token this node read and
 * may still reuse ({@code cache-ttl}, not due); else one call per user and node at a time (an in-JVM single flight:
 * the others wait for its result); that call reads the row and, when the token is due, refreshes it under the row's
 * lease ({@link LeasedRefresh}: one node in the cluster). GrantedTokens are sealed (AES-256-GCM, {@link Sealer}) with the
 * user id as additional data, so a sealed value cannot be moved to another user's row.
 */
public final class GrantStore implements UserGrants {

    private static final System.Logger LOG = System.getLogger(GrantStore.class.getName());
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final int MAX_SEALED = 8192;

    private final GrantTable table;
    private final Sealer sealer;
    private final TokenCalls calls;
    private final Clock clock;
    private final Duration skew;
    private final Duration cacheTtl;
    private final LeasedRefresh refresh;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<GrantedTokens>> inflight = new ConcurrentHashMap<>();

    private record Cached(GrantedTokens tokens, BearerToken bearer, Instant until) {
    }

    /**
     * @param skew a token expiring within it counts as due (the login's {@code refresh-skew})
     * @param lease how long a refresh may hold the row: longer than the token request's whole deadline
     */
    public GrantStore(Connections connections, String tableName, boolean createTable, Sealer sealer, TokenCalls calls,
            Clock clock, Duration skew, Duration cacheTtl, Duration lease) {
        this.table = new GrantTable(connections, tableName, createTable);
        this.sealer = sealer;
        this.calls = calls;
        this.clock = clock;
        this.skew = skew;
        this.cacheTtl = cacheTtl;
        this.refresh = new LeasedRefresh(table, this, calls, clock, lease);
    }

    @Override
    public BearerToken accessToken(String userId) {
        check(userId);
        Cached c = cache.get(userId);
        if (c != null && clock.instant().isBefore(c.until())) {
            return c.bearer();
        }
        GrantedTokens t = current(userId);
        Cached fresh = cache.get(userId);
        return fresh != null && fresh.tokens() == t ? fresh.bearer() : new BearerToken(t.accessToken(), t.expiresAt());
    }

    /**
     * The user's stored tokens with an access token valid for at least the skew, refreshed once if due (also what a
     * logged-in session's refresh uses when the grant is stored).
     */
    public GrantedTokens current(String userId) {
        check(userId);
        CompletableFuture<GrantedTokens> mine = new CompletableFuture<>();
        CompletableFuture<GrantedTokens> running = inflight.putIfAbsent(userId, mine);
        if (running != null) {
            return await(running);
        }
        try {
            GrantedTokens t = refresh.valid(userId, skew);
            remember(userId, t);
            mine.complete(t);
            return t;
        } catch (RuntimeException | Error e) { // waiters never hang, whatever the leader hit
            if (e instanceof GrantException g && g.reason() != Reason.STORE_FAILED) {
                cache.remove(userId);
            }
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(userId, mine);
        }
    }

    /**
     * A login's tokens: stored sealed and reused by this node. They replace the user's earlier grant, which is
     * revoked at X unless it holds the same refresh token (no grant orphaned at X).
     */
    public void save(String userId, GrantedTokens tokens) {
        save(userId, tokens, null);
    }

    /** As {@link #save(String, GrantedTokens)}; the earlier grant is not revoked when it holds {@code revokedElsewhere}. */
    public void save(String userId, GrantedTokens tokens, String revokedElsewhere) {
        check(userId);
        Optional<GrantedTokens> earlier = table.find(userId).flatMap(this::open);
        table.save(userId, seal(userId, tokens), tokens.scopes(), clock.instant());
        remember(userId, tokens);
        earlier.filter(e -> e.hasRefreshToken() && !e.refreshToken().equals(tokens.refreshToken())
                && !e.refreshToken().equals(revokedElsewhere)).ifPresent(calls::revoke);
    }

    @Override
    public boolean revoke(String userId) {
        return forget(userId, null);
    }

    /**
     * Deletes the user's grant, revoking it at X first unless it holds {@code revokedElsewhere} (a logout revokes the
     * session's tokens itself: one revocation per token).
     *
     * @return true when a grant was stored
     */
    public boolean forget(String userId, String revokedElsewhere) {
        check(userId);
        cache.remove(userId);
        Optional<GrantRow> row = table.find(userId);
        if (row.isEmpty()) {
            return false;
        }
        Optional<GrantedTokens> tokens = open(row.get());
        if (tokens.isEmpty()) {
            LOG.log(Level.WARNING, "The grant of {0} cannot be opened with the configured keys: deleted without "
                    + "revoking it at X", userId);
        } else if (tokens.get().hasRefreshToken() && tokens.get().refreshToken().equals(revokedElsewhere)) {
            LOG.log(Level.DEBUG, "The grant of {0} holds the session's tokens: revoked with them", userId);
        } else if (!calls.revoke(tokens.get())) {
            LOG.log(Level.WARNING, "The grant of {0} could not be revoked at X; deleted anyway", userId);
        }
        boolean deleted = table.delete(userId);
        cache.remove(userId);
        return deleted;
    }

    @Override
    public Optional<StoredGrant> find(String userId) {
        check(userId);
        return table.find(userId).map(GrantRow::view);
    }

    @Override
    public List<StoredGrant> page(String afterUserId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        }
        if (afterUserId != null) {
            check(afterUserId);
        }
        return table.page(afterUserId, limit).stream().map(GrantRow::view).toList();
    }

    /** Forgets what this node cached for {@code userId} (its session logged out, the grant changed elsewhere). */
    public void evict(String userId) {
        cache.remove(userId);
    }

    String seal(String userId, GrantedTokens tokens) {
        return sealer.seal(tokens.encode(), context(userId));
    }

    Optional<GrantedTokens> open(GrantRow row) {
        try {
            return sealer.openText(row.sealed(), context(row.userId()), MAX_SEALED).map(GrantedTokens::decode);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void remember(String userId, GrantedTokens t) {
        if (cacheTtl.isZero()) {
            return;
        }
        Instant until = clock.instant().plus(cacheTtl);
        if (t.expiresAt() != null && t.expiresAt().minus(skew).isBefore(until)) {
            until = t.expiresAt().minus(skew);
        }
        cache.put(userId, new Cached(t, new BearerToken(t.accessToken(), t.expiresAt()), until));
    }

    private static String context(String userId) {
        return "io.passerine.grant:" + userId;
    }

    private static void check(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("A user id is 1 to 64 letters, digits or '_.@-' (X's user id)");
        }
    }

    private static GrantedTokens await(CompletableFuture<GrantedTokens> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
