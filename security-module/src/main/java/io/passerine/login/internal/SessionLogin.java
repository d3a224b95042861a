package io.passerine.login.internal;

import io.passerine.internal.cluster.Sealer;
import io.passerine.ProviderException;
import io.passerine.login.LoginRequiredException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The logged-in user and their tokens, held in the HTTP session (never sent to the browser). {@link #current} hands
 * out a valid access token; an expired one is refreshed single-flight: of N concurrent requests of one session
 * exactly one calls the token endpoint, the others wait for its result. The fast path is lock-free (one volatile
 * read); the refresh is coordinated with an {@code AtomicReference<CompletableFuture>}, never {@code synchronized}.
 *
 * <p>A refresh that fails for a transient reason (5xx, 429, timeout, unreachable, garbage) is not retried by every
 * request of the session: the session backs off ({@link Refresher#backoff}, doubling), per node. Inside the backoff
 * a still-valid access token (expiring within the skew, not yet expired) keeps being used; an expired one makes
 * {@link #current} fail fast with {@code BACKING_OFF} and the time of the next try, without a call. A success
 * ends the backoff; a rejected refresh token still means a new login.
 */
public final class SessionLogin implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
    private static final System.Logger LOG = System.getLogger(SessionLogin.class.getName());
    /** The AAD of the sealed tokens in a serialized session. */
    private static final String CONTEXT = "io.passerine.session-tokens";
    /** Seals the tokens when a session is replicated or persisted: the application's, set by {@link LoginAssembly}. */
    private static volatile Sealer sealer = Sealer.random();

    private final UserInfo user;
    /** Groups from the application's identity stores ({@link GroupSource}), decided at login; null in old sessions. */
    private final Set<String> appGroups;
    private transient AtomicReference<GrantedTokens> tokens;
    private transient AtomicReference<CompletableFuture<GrantedTokens>> inflight = new AtomicReference<>();
    /** Transient failures in a row and when the next refresh call may be made; null when not backing off. */
    private transient volatile Backoff backoff;

    /** The caller's groups, built once per token set (a refresh may grant other scopes); never serialized. */
    private transient volatile Groups groups;

    private record Backoff(int failures, Instant until) {
    }

    private record Groups(GrantedTokens tokens, List<String> defaults, Set<String> all) {
    }

    SessionLogin(UserInfo user, GrantedTokens tokens) {
        this(user, tokens, Set.of());
    }

    /** With the groups the application's identity stores gave the user at login. */
    SessionLogin(UserInfo user, GrantedTokens tokens, Set<String> appGroups) {
        this.user = user;
        this.appGroups = Set.copyOf(appGroups);
        this.tokens = new AtomicReference<>(tokens);
    }

    UserInfo user() {
        return user;
    }

    /** The groups the application's identity stores gave at login (never null). */
    Set<String> appGroups() {
        return appGroups == null ? Set.of() : appGroups;
    }

    /**
     * The caller's groups: {@code defaultGroups}, every scope the current tokens were granted and {@link #appGroups},
     * unmodifiable. Built once per token set and reused by every later request of the session (issue 18: the
     * per-request path of the mechanism allocates no group set); a refresh or drop of the tokens builds it anew.
     */
    Set<String> groups(List<String> defaultGroups) {
        GrantedTokens now = tokens.get();
        Groups g = groups;
        if (g != null && g.tokens() == now && g.defaults() == defaultGroups) {
            return g.all();
        }
        Set<String> all = new LinkedHashSet<>(defaultGroups);
        if (now != null) {
            all.addAll(now.scopes());
        }
        all.addAll(appGroups());
        Set<String> fixed = Set.copyOf(all); // compact and immutable: shared by every request of the session
        groups = new Groups(now, defaultGroups, fixed);
        return fixed;
    }

    /** The scopes the user granted (RFC 6749 §3.3); empty once the tokens are dropped. */
    public Set<String> grantedScopes() {
        GrantedTokens t = tokens.get();
        return t == null ? Set.of() : t.scopes();
    }

    /** The tokens as they are now (possibly expired), or null once dropped. */
    GrantedTokens peek() {
        return tokens.get();
    }

    /** Forgets the tokens (logout, rejected refresh): later calls need a new login. */
    GrantedTokens drop() {
        return tokens.getAndSet(null);
    }

    /**
     * A token set whose access token is valid for at least {@code skew}, refreshing once if needed.
     *
     * @throws LoginRequiredException no tokens, no refresh token, or the refresh was rejected (tokens dropped)
     * @throws ProviderException the refresh failed for a transient reason (tokens kept)
     */
    GrantedTokens current(Clock clock, Duration skew, Refresher refresher) {
        while (true) {
            GrantedTokens now = tokens.get();
            if (now == null) {
                throw new LoginRequiredException("Not logged in (no tokens in this session)");
            }
            if (!now.expired(clock, skew)) {
                return now;
            }
            Backoff b = backoff;
            if (b != null && clock.instant().isBefore(b.until())) {
                return usableWhileBackingOff(now, clock, b);
            }
            CompletableFuture<GrantedTokens> running = inflight.get();
            if (running != null) {
                return await(running);
            }
            CompletableFuture<GrantedTokens> mine = new CompletableFuture<>();
            if (!inflight.compareAndSet(null, mine)) {
                continue; // another request started the refresh just now: wait for it
            }
            try {
                GrantedTokens again = tokens.get();
                if (again != now) { // a refresh finished between our reads: use (or re-check) its result
                    mine.complete(again);
                    continue;
                }
                return refresh(now, refresher, mine, clock);
            } finally {
                inflight.compareAndSet(mine, null);
            }
        }
    }

    private GrantedTokens refresh(GrantedTokens now, Refresher refresher, CompletableFuture<GrantedTokens> mine, Clock clock) {
        try {
            GrantedTokens next = refresher.refresh(now);
            backoff = null;
            if (!tokens.compareAndSet(now, next)) { // logged out during the refresh: the rotated grant dies too
                refresher.orphaned(next);
                throw new LoginRequiredException("Logged out while the tokens were being refreshed");
            }
            mine.complete(next);
            return next;
        } catch (LoginRequiredException e) {
            tokens.compareAndSet(now, null);
            mine.completeExceptionally(e);
            throw e;
        } catch (ProviderException e) { // transient: back off; a still-valid token serves meanwhile
            Backoff before = backoff;
            int failures = before == null ? 1 : before.failures() + 1;
            backoff = new Backoff(failures, clock.instant().plus(refresher.backoff(failures)));
            if (!now.expired(clock, Duration.ZERO)) {
                mine.complete(now);
                return now;
            }
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException | Error e) { // waiters must never hang, whatever the leader hit
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static GrantedTokens usableWhileBackingOff(GrantedTokens now, Clock clock, Backoff b) {
        if (!now.expired(clock, Duration.ZERO)) {
            return now;
        }
        throw new ProviderException(ProviderException.Failure.BACKING_OFF, "The access token expired and its refresh "
                + "failed " + b.failures() + " time(s) in a row; the next try is at " + b.until(), 0, null,
                b.until(), null);
    }

    private static GrantedTokens await(CompletableFuture<GrantedTokens> f) {
        try {
            GrantedTokens t = f.join();
            if (t == null) {
                throw new LoginRequiredException("Not logged in (tokens were dropped)");
            }
            return t;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** The sealer of serialized sessions of this application (its {@code passerine.keys}, or a per-JVM key). */
    static void sealWith(Sealer s) {
        sealer = s;
    }

    /** A serialized session holds the tokens only sealed (checklist 33): a dump of the session store shows none. */
    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        GrantedTokens t = tokens.get();
        out.writeObject(t == null ? null : sealer.seal(t.encode(), CONTEXT));
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        inflight = new AtomicReference<>();
        tokens = new AtomicReference<>(open(in.readObject()));
    }

    /** The tokens {@link #writeObject} sealed, or null: none, or sealed under other keys (logged). */
    static GrantedTokens open(Object sealed) {
        GrantedTokens t = null;
        if (sealed instanceof String s) {
            t = sealer.openText(s, CONTEXT, 64 * 1024).map(GrantedTokens::decode).orElse(null);
            if (t == null) {
                LOG.log(System.Logger.Level.WARNING, "The X tokens of a restored session cannot be opened (sealed "
                        + "under other keys): the user must log in again. Configure the same passerine.keys on "
                        + "every node.");
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return "SessionLogin[user=" + user.principal() + ", " + tokens.get() + "]";
    }
}
