package io.passerine.login.internal;

import io.passerine.internal.cluster.Sealer;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.LoginSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Opens the {@link CookieTransactionStore} of a request: login transactions live in an AES-GCM sealed cookie, so an
 * anonymous request creates no HTTP session (checklist 26). Sealed with {@link Sealer#of}: {@code passerine.keys}, or
 * without them a random key of this JVM (fine for one server; a cluster or a restart during a login needs configured
 * keys). Their one-time use is recorded per JVM or, with {@code passerine.login.cache=jcache:<name>}, in
 * the cluster's shared JCache.
 */
final class TransactionStores {

    private static final System.Logger LOG = System.getLogger(TransactionStores.class.getName());

    private final LoginSettings settings;
    private final ClusterSettings cluster;
    private final Clock clock;
    private final TransactionCookieCodec codec;
    private final UsedStates used;

    TransactionStores(LoginSettings settings, ClusterSettings cluster, Clock clock, UsedStates used, Sealer sealer) {
        this.settings = settings;
        this.cluster = cluster;
        this.clock = clock;
        this.codec = new TransactionCookieCodec(sealer);
        this.used = used;
        if (!cluster.hasKeys()) {
            LOG.log(Level.INFO, "{0} is not set: login transactions and session tokens are sealed with a random "
                    + "key of this JVM. A cluster (or a restart in the middle of a login) needs the same configured "
                    + "keys on every node", ClusterSettings.KEYS);
        } else if (cluster.loginCache().isEmpty()) {
            LOG.log(Level.WARNING, "{0} is set but {1} is not: a replayed callback is refused on the node that saw "
                    + "it, not on the others", ClusterSettings.KEYS, ClusterSettings.LOGIN_CACHE);
        }
    }

    /** The store of one request. */
    TransactionStore open(HttpServletRequest request, HttpServletResponse response) {
        boolean secure = "https".equalsIgnoreCase(settings.redirectUri().getScheme());
        return new CookieTransactionStore(request, response, codec, used, clock, settings.transactionMaxAge(),
                cluster.transactionCookie(), secure, settings.maxPendingLogins());
    }
}
