package io.passerine.login.internal;

import io.passerine.internal.cluster.Sealer;
import io.passerine.internal.cluster.SharedCache;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.metrics.Metrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** The protocol steps of one application's login, wired from its settings and clock. Plain Java. */
public final class LoginRuntime {

    /** Context-relative path that starts a login (step-up): {@code ?scope=...&return=...}. */
    public static final String LOGIN_PATH = "/oauth2/login";
    /** Context-relative path of the logout (POST). */
    static final String LOGOUT_PATH = "/oauth2/logout";

    private final LoginSettings settings;
    private final Clock clock;
    private final CallbackValidator validator;
    private final CodeExchange exchange;
    private final UserInfoClient userInfo;
    private final Refresher refresher;
    private final Revoker revoker;
    private final TransactionStores transactions;
    private final SameOrigin sameOrigin;
    private final QueryGuard queryGuard;
    private final SavedForms forms;

    private final Metrics metrics;

    LoginRuntime(LoginSettings settings, Clock clock) {
        this(settings, clock, ClusterSettings.NONE, Metrics.NONE);
    }

    /**
     * With {@code cluster}: cookie-held transactions and a shared JCache when configured (see README); token
     * requests, refreshes, logins and login failures are recorded in {@code metrics}.
     */
    LoginRuntime(LoginSettings settings, Clock clock, ClusterSettings cluster, Metrics metrics) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.queryGuard = new QueryGuard(settings.policy().maxQueryLength(), settings.policy().maxQueryParams());
        TokenEndpoint endpoint = new TokenEndpoint(settings, clock, metrics);
        this.validator = new CallbackValidator(settings.redirectUri(), settings.issuer());
        this.exchange = new CodeExchange(endpoint, settings.redirectUri());
        this.userInfo = new UserInfoClient(settings.userinfoUri(), settings.principalClaim(), settings.timeouts());
        this.revoker = new Revoker(endpoint);
        this.sameOrigin = new SameOrigin(settings.redirectUri());
        this.forms = new SavedForms(new FormKeeper(sameOrigin, settings.policy().maxSavedForm()), clock);
        Sealer sealer = Sealer.of(cluster);
        SessionLogin.sealWith(sealer);
        if (cluster.loginCache().isPresent()) {
            Duration ttl = settings.transactionMaxAge().compareTo(Duration.ofMinutes(10)) > 0
                    ? settings.transactionMaxAge() : Duration.ofMinutes(10);
            SharedCache shared = SharedCache.open(cluster.loginCache().get(), ttl, sealer);
            this.refresher = new ClusterRefresher(endpoint, shared);
            this.transactions = new TransactionStores(settings, cluster, clock, UsedStates.shared(shared), sealer);
        } else {
            this.refresher = new Refresher(endpoint);
            this.transactions = new TransactionStores(settings, cluster, clock, UsedStates.local(), sealer);
        }
    }

    /** Where the login transactions of this request are kept (session or encrypted cookie). */
    TransactionStore transactions(HttpServletRequest request, HttpServletResponse response) {
        return transactions.open(request, response);
    }

    /** The raw request path of the callback: the path of the configured redirect URI. */
    String callbackPath() {
        return settings.redirectUri().getRawPath();
    }

    /**
     * The groups of a logged-in user: the configured default groups plus every scope the provider granted (a token
     * response without {@code scope} grants none: see {@link TokenEndpoint#granted}).
     */
    Set<String> groups(GrantedTokens tokens) {
        Set<String> groups = new LinkedHashSet<>(settings.defaultGroups());
        if (tokens != null) {
            groups.addAll(tokens.scopes());
        }
        return groups;
    }

    /** A logged-in session's groups: {@link #groups(GrantedTokens)} plus those its identity stores gave at login. */
    Set<String> groups(SessionLogin session) {
        Set<String> groups = groups(session.peek());
        groups.addAll(session.appGroups());
        return groups;
    }

    /** Bounds the query of the callback and of {@code /oauth2/login} before it is parsed. */
    QueryGuard queryGuard() {
        return queryGuard;
    }

    public LoginSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    CallbackValidator validator() {
        return validator;
    }

    public CodeExchange exchange() {
        return exchange;
    }

    UserInfoClient userInfo() {
        return userInfo;
    }

    Refresher refresher() {
        return refresher;
    }

    public Revoker revoker() {
        return revoker;
    }

    /** The application's origin check for state-changing requests (logout). */
    SameOrigin sameOrigin() {
        return sameOrigin;
    }

    /** Forms kept across a login (issue 20). */
    public SavedForms forms() {
        return forms;
    }

    public Metrics metrics() {
        return metrics;
    }
}
