package io.passerine.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole emulator in plain Java: registry, stores, services, call stats, fault plan, settings and the clock.
 * {@link #reset()} forgets everything issued and restores the configured settings, for a fresh test.
 */
public final class EmulatorState {

    private final ClientRegistry clients;
    private final MutableClock clock;
    private final Settings configured;
    private final AtomicReference<Settings> settings;

    private final ExpiringStore<AuthorizeService.CodeGrant> codes;
    private final ExpiringStore<AuthorizeService.Request> consents;
    private final TokenStore userTokens;
    private final AppTokenStore appTokens;
    private final RateLimiter apiLimiter;
    private final RateLimiter appTokenAsks;
    private final TweetCorpus tweets;
    private final CallStats stats = new CallStats();
    private final FaultPlan faults = new FaultPlan();

    private final AuthorizeService authorize;
    private final OAuthService oauth;
    private final AppOnlyService appOnly;
    private final ApiService api;

    public EmulatorState(ClientRegistry clients, Settings configured, Clock baseClock) {
        this.clients = clients;
        this.configured = configured;
        this.settings = new AtomicReference<>(configured);
        this.clock = new MutableClock(baseClock);
        this.codes = new ExpiringStore<>(clock, 32);
        this.consents = new ExpiringStore<>(clock, 24);
        this.userTokens = new TokenStore(clock);
        this.appTokens = new AppTokenStore();
        this.apiLimiter = new RateLimiter(clock);
        this.appTokenAsks = new RateLimiter(clock);
        this.tweets = new TweetCorpus(clock);
        this.authorize = new AuthorizeService(clients, codes, consents, settings::get);
        this.oauth = new OAuthService(clients, codes, userTokens, settings::get);
        this.appOnly = new AppOnlyService(clients, appTokens, appTokenAsks, settings::get);
        this.api = new ApiService(userTokens, appTokens, apiLimiter, tweets, settings::get);
    }

    /** Forgets codes, consents, tokens, rate-limit windows, posted tweets, stats, faults, clock offset, overrides. */
    public void reset() {
        codes.clear();
        consents.clear();
        userTokens.clear();
        appTokens.clear();
        apiLimiter.clear();
        appTokenAsks.clear();
        tweets.clear();
        stats.reset();
        faults.clear();
        clock.resetOffset();
        settings.set(configured);
    }

    /** Changes settings at runtime (control surface names, see {@link Settings#toMap()}); returns the new ones. */
    public Settings reconfigure(Map<String, ? extends Number> changes) {
        return settings.updateAndGet(s -> s.with(changes));
    }

    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    public Settings settings() {
        return settings.get();
    }

    public ClientRegistry clients() {
        return clients;
    }

    public Clock clock() {
        return clock;
    }

    public CallStats stats() {
        return stats;
    }

    public FaultPlan faults() {
        return faults;
    }

    public AuthorizeService authorize() {
        return authorize;
    }

    public OAuthService oauth() {
        return oauth;
    }

    public AppOnlyService appOnly() {
        return appOnly;
    }

    public ApiService api() {
        return api;
    }
}
