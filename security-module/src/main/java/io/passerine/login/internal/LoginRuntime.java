package io.passerine.login.internal;

import io.passerine.cluster.internal.Sealer;
import io.passerine.cluster.internal.SharedCache;
import io.passerine.config.ClusterSettings;
import io.passerine.config.LoginSettings;
import io.passerine.metrics.internal.Metrics;
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
    public static final String LOGOUT_PATH = "/oauth2/logout";

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

    public LoginRuntime(LoginSettings settings, Clock clock) {
        this(settings, clock, ClusterSettings.NONE, Metrics.NONE);
    }

    /**
     * With {@code cluster}: cookie-held transactions and a shared JCache when configured (see README); token
     * requests, refreshes, logins and login failures are recorded in {@code metrics}.
     */
    public LoginRuntime(LoginSettings settings, Clock clock, ClusterSettings cluster, Metrics metrics) {
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
        SessionTokens.sealWith(sealer);
        if (cluster.loginCache().isPresent()) {
            Duration ttl = settings.transactionMaxAge().compareTo(Duration.ofMinutes(10)) > 0
                    ? settings.transactionMaxAge() : Duration.ofMinutes(10);
            SharedCache shared = SharedCache.open(cluster.loginCache().get(), ttl, sealer);
            Duration lease = settings.timeouts().connect().plus(settings.timeouts().read()).plusSeconds(5);
            this.refresher = new ClusterRefresher(endpoint, shared, lease);
            this.transactions = new TransactionStores(settings, cluster, clock, UsedStates.shared(shared), sealer);
        } else {
            this.refresher = new Refresher(endpoint);
            this.transactions = new TransactionStores(settings, cluster, clock, UsedStates.local(), sealer);
        }
    }

    /** Where the login transactions of this request are kept (session or encrypted cookie). */
    public TransactionStore transactions(HttpServletRequest request, HttpServletResponse response) {
        return transactions.open(request, response);
    }

    /** The raw request path of the callback: the path of the configured redirect URI. */
    public String callbackPath() {
        return settings.redirectUri().getRawPath();
    }

    /**
     * The groups of a logged-in user: the configured default groups plus every scope the provider granted (a token
     * response without {@code scope} grants none: see {@link TokenEndpoint#parse}).
     */
    public Set<String> groups(TokenSet tokens) {
        Set<String> groups = new LinkedHashSet<>(settings.defaultGroups());
        if (tokens != null) {
            groups.addAll(tokens.scopes());
        }
        return groups;
    }

    /**
     * A logged-in session's groups: {@link #groups(TokenSet)} plus those its identity stores gave at login;
     * unmodifiable, built once per token set of the session ({@link SessionTokens#groups}).
     */
    public Set<String> groups(SessionTokens session) {
        return session.groups(settings.defaultGroups());
    }

    /** Bounds the query of the callback and of {@code /oauth2/login} before it is parsed. */
    public QueryGuard queryGuard() {
        return queryGuard;
    }

    public LoginSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public CallbackValidator validator() {
        return validator;
    }

    public CodeExchange exchange() {
        return exchange;
    }

    public UserInfoClient userInfo() {
        return userInfo;
    }

    public Refresher refresher() {
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
