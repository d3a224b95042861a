package io.passerine.apponly.internal;

import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.api.BearerToken;
import io.passerine.internal.config.AppOnlySettings;
import java.lang.System.Logger.Level;
import io.passerine.internal.cluster.SharedCache;
import io.passerine.internal.metrics.Metrics;
import io.passerine.internal.oauth.IssuedToken;
import io.passerine.internal.oauth.OAuthClient;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@link AppOnlyTokenClient} of one configured app: a single-flight cache over the client credentials token
 * requests of its {@link OAuthClient}.
 */
public final class DefaultAppOnlyTokenClient implements AppOnlyTokenClient {

    private static final System.Logger LOG = System.getLogger("io.passerine.apponly");

    private final AppOnlySettings settings;
    private final SingleFlightTokenCache cache;
    private final OAuthClient client;
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
        this.client = OAuthClient.forAppOnly(settings, clock, metrics);
        Supplier<BearerToken> fetcher = this::fetch;
        if (sharedCache == null) {
            this.shared = null;
            this.cache = new SingleFlightTokenCache(fetcher, clock, settings.refreshSkew(), settings.minBackoff(),
                    settings.maxBackoff(), null, async);
        } else {
            SharedAppOnlyToken s = new SharedAppOnlyToken(sharedCache, settings.tokenUri().toString(),
                    settings.apiKey(), clock, settings.refreshSkew(), settings.timeouts().lease());
            this.shared = s;
            this.cache = new SingleFlightTokenCache(() -> s.fetch(fetcher), clock, settings.refreshSkew(),
                    settings.minBackoff(), settings.maxBackoff(), s::isCurrent, async);
        }
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
                    revoke(token);
                });
                return;
            }
            BearerToken current = cache.peek();
            if (current != null) {
                LOG.log(Level.INFO, "Invalidating the app-only token of client ''{0}''", settings.displayName());
                revoke(current);
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

    /** One client credentials token request (RFC 6749 §4.4), logged without the token. */
    private BearerToken fetch() {
        LOG.log(Level.DEBUG, "Requesting an app-only token for client ''{0}'' from {1}", settings.displayName(),
                settings.tokenUri());
        try {
            IssuedToken issued = client.token(new ClientCredentialsGrant(), "App-only token request (client '"
                    + settings.displayName() + "')");
            BearerToken token = new BearerToken(issued.accessToken(), issued.expiresAt().orElse(null));
            LOG.log(Level.INFO, "Obtained an app-only token for client ''{0}''{1}", settings.displayName(),
                    token.expiresAt().map(t -> " (expires " + t + ")").orElse(" (no expiry)"));
            return token;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e.getMessage());
            throw e;
        }
    }

    /** X's {@code oauth2/invalidate_token} or RFC 7009 revocation, as configured. */
    private void revoke(BearerToken token) {
        String label = "App-only token revocation (client '" + settings.displayName() + "')";
        if (settings.revokeStyle() == AppOnlySettings.RevokeStyle.RFC7009) {
            client.revoke(new BearerAccessToken(token.value()), label);
        } else {
            client.invalidate(token.value(), label);
        }
    }

    @Override
    public String toString() {
        return "AppOnlyTokenClient[" + settings.displayName() + "]";
    }
}
