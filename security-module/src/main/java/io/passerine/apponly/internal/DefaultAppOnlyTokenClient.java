package io.passerine.apponly.internal;

import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.api.BearerToken;
import io.passerine.internal.config.AppOnlySettings;
import java.lang.System.Logger.Level;
import io.passerine.internal.cluster.SharedCache;
import io.passerine.internal.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The {@link AppOnlyTokenClient} of one configured app: a single-flight cache over Nimbus token requests. */
public final class DefaultAppOnlyTokenClient implements AppOnlyTokenClient {

    private static final System.Logger LOG = System.getLogger("io.passerine.apponly");

    private final AppOnlySettings settings;
    private final SingleFlightTokenCache cache;
    private final TokenRevoker revoker;
    /** Null: this JVM only; else the cluster's token in a shared JCache. */
    private final SharedAppOnlyToken shared;

    public DefaultAppOnlyTokenClient(AppOnlySettings settings, Clock clock) {
        this(settings, clock, null, Metrics.NONE);
    }

    /**
     * With {@code sharedCache} non-null, the token is shared by every node using that cache; every token request
     * this node sends is recorded in {@code metrics}.
     */
    public DefaultAppOnlyTokenClient(AppOnlySettings settings, Clock clock, SharedCache sharedCache, Metrics metrics) {
        this(settings, clock, sharedCache, metrics, AsyncExecution.library());
    }

    /** As above; token requests of {@link #tokenAsync()} callers run on {@code async}'s executor. */
    public DefaultAppOnlyTokenClient(AppOnlySettings settings, Clock clock, SharedCache sharedCache, Metrics metrics,
            AsyncExecution async) {
        this.settings = settings;
        Supplier<BearerToken> fetcher = logged(new ClientCredentialsFetcher(settings, clock), metrics);
        if (sharedCache == null) {
            this.shared = null;
            this.cache = new SingleFlightTokenCache(fetcher, clock, settings.refreshSkew(), settings.minBackoff(),
                    settings.maxBackoff(), null, async);
        } else {
            Duration lease = settings.timeouts().connect().plus(settings.timeouts().read()).plusSeconds(5);
            SharedAppOnlyToken s = new SharedAppOnlyToken(sharedCache, settings.tokenUri().toString(),
                    settings.apiKey(), clock, settings.refreshSkew(), lease);
            this.shared = s;
            this.cache = new SingleFlightTokenCache(() -> s.fetch(fetcher), clock, settings.refreshSkew(),
                    settings.minBackoff(), settings.maxBackoff(), s::isCurrent, async);
        }
        this.revoker = new TokenRevoker(settings);
    }

    @Override
    public BearerToken token() {
        return cache.get();
    }

    @Override
    public CompletionStage<BearerToken> tokenAsync() {
        return cache.getAsync();
    }

    @Override
    public void invalidate() {
        cache.dropAfter(() -> {
            if (shared != null) {
                shared.invalidate(token -> {
                    LOG.log(Level.INFO, "Invalidating the app-only token of client ''{0}'' (cluster-wide)",
                            settings.displayName());
                    revoker.revoke(token);
                });
                return;
            }
            BearerToken current = cache.peek();
            if (current != null) {
                LOG.log(Level.INFO, "Invalidating the app-only token of client ''{0}''", settings.displayName());
                revoker.revoke(current);
            }
        });
    }

    @Override
    public void discard(BearerToken rejected) {
        boolean sharedDropped = shared != null && shared.discard(rejected);
        if (cache.drop(rejected) || sharedDropped) {
            LOG.log(Level.INFO, "The API rejected the app-only token of client ''{0}''; a new one will be fetched",
                    settings.displayName());
        }
    }

    @Override
    public String name() {
        return settings.name();
    }

    public AppOnlySettings settings() {
        return settings;
    }

    private Supplier<BearerToken> logged(Supplier<BearerToken> fetcher, Metrics metrics) {
        return () -> {
            LOG.log(Level.DEBUG, "Requesting an app-only token for client ''{0}'' from {1}", settings.displayName(),
                    settings.tokenUri());
            try {
                BearerToken token = metrics.timeTokenRequest(settings.displayName(), Metrics.CLIENT_CREDENTIALS,
                        fetcher);
                LOG.log(Level.INFO, "Obtained an app-only token for client ''{0}''{1}", settings.displayName(),
                        token.expiresAt().map(t -> " (expires " + t + ")").orElse(" (no expiry)"));
                return token;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e.getMessage());
                throw e;
            }
        };
    }

    @Override
    public String toString() {
        return "AppOnlyTokenClient[" + settings.displayName() + "]";
    }
}
