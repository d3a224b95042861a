package io.passerine.login.internal;

import io.passerine.internal.cluster.Sealer;
import io.passerine.internal.cluster.SharedCache;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires one application's login from its validated settings, once (two would each keep their own record of used
 * states): the only place that knows which step needs which collaborator. Plain Java; {@link LoginBeans} hands the
 * parts to the container's beans, tests build it directly.
 *
 * @param settings the validated {@code passerine.login.*} settings
 * @param clock the application's clock
 * @param flow the login sequence
 * @param transactions where the login transactions of a request are kept
 * @param forms forms kept across a login (issue 20)
 * @param refresher refreshes a session's access token (single flight across the cluster with a shared JCache)
 * @param sameOrigin the origin check of the logout
 * @param queryGuard bounds the query of the callback and of {@code /oauth2/login} before it is parsed
 */
record LoginAssembly(LoginSettings settings, Clock clock, LoginFlow flow, TransactionStores transactions,
        SavedForms forms, Refresher refresher, SameOrigin sameOrigin, QueryGuard queryGuard) {

    /** One JVM, no metrics, no application groups (tests). */
    static LoginAssembly of(LoginSettings settings, Clock clock) {
        return of(settings, ClusterSettings.NONE, clock, Metrics.NONE, AppGroups.NONE);
    }

    /**
     * With {@code cluster}: cookie-held transactions and a shared JCache when configured (see docs); token requests,
     * refreshes, logins and login failures are recorded in {@code metrics}; {@code appGroups} adds the application's
     * groups at login.
     */
    static LoginAssembly of(LoginSettings settings, ClusterSettings cluster, Clock clock, Metrics metrics,
            AppGroups appGroups) {
        TokenEndpoint endpoint = new TokenEndpoint(settings, clock, metrics);
        Revoker revoker = new Revoker(endpoint);
        QueryGuard guard = new QueryGuard(settings.policy().maxQueryLength(), settings.policy().maxQueryParams());
        LoginFlow flow = new LoginFlow(settings, clock, new CodeExchange(endpoint, settings.redirectUri()),
                new UserInfoClient(settings.userinfoUri(), settings.principalClaim(), settings.timeouts()), revoker,
                appGroups, guard, metrics);
        SameOrigin sameOrigin = new SameOrigin(settings.redirectUri());
        SavedForms forms = new SavedForms(new FormKeeper(sameOrigin, settings.policy().maxSavedForm()), clock);
        Sealer sealer = Sealer.of(cluster);
        SessionLogin.sealWith(sealer);
        Refresher refresher;
        UsedStates used;
        if (cluster.loginCache().isPresent()) {
            Duration ttl = settings.transactionMaxAge().compareTo(Duration.ofMinutes(10)) > 0
                    ? settings.transactionMaxAge() : Duration.ofMinutes(10);
            SharedCache shared = SharedCache.open(cluster.loginCache().get(), ttl, sealer);
            refresher = new ClusterRefresher(endpoint, shared); // lease: HttpTimeouts.lease(), the one place
            used = UsedStates.shared(shared);
        } else {
            refresher = new Refresher(endpoint);
            used = UsedStates.local();
        }
        return new LoginAssembly(settings, clock, flow, new TransactionStores(settings, cluster, clock, used, sealer),
                forms, refresher, sameOrigin, guard);
    }
}
