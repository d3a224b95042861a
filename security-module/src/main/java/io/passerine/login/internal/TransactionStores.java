package io.passerine.login.internal;

import io.passerine.config.ClusterSettings;
import io.passerine.config.LoginSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Chooses the {@link TransactionStore} from configuration: the HTTP session (default), or, when
 * {@code passerine.login.transaction-keys} is set, an encrypted cookie whose one-time use is recorded per JVM or,
 * with {@code passerine.login.cache=jcache:<name>}, in the cluster's shared JCache.
 */
final class TransactionStores {

    private static final System.Logger LOG = System.getLogger(TransactionStores.class.getName());

    private final LoginSettings settings;
    private final ClusterSettings cluster;
    private final Clock clock;
    private final TransactionCookieCodec codec;
    private final UsedStates used;

    TransactionStores(LoginSettings settings, ClusterSettings cluster, Clock clock, UsedStates used) {
        this.settings = settings;
        this.cluster = cluster;
        this.clock = clock;
        this.codec = cluster.cookieTransactions() ? new TransactionCookieCodec(cluster.transactionKeys()) : null;
        this.used = used;
        if (codec != null && cluster.loginCache().isEmpty()) {
            LOG.log(Level.WARNING, "Login transactions are in encrypted cookies but {0} is not set: a replayed "
                    + "callback is refused on the node that saw it, not on the others", ClusterSettings.LOGIN_CACHE);
        }
    }

    /** The store of one request. */
    TransactionStore open(HttpServletRequest request, HttpServletResponse response) {
        if (codec == null) {
            return new SessionTransactionStore(request, clock, settings.transactionMaxAge(),
                    settings.maxPendingLogins());
        }
        boolean secure = "https".equalsIgnoreCase(settings.redirectUri().getScheme());
        return new CookieTransactionStore(request, response, codec, used, clock, settings.transactionMaxAge(),
                cluster.transactionCookie(), secure, settings.maxPendingLogins());
    }
}
