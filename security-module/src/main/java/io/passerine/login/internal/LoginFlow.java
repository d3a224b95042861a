package io.passerine.login.internal;

import io.passerine.ProviderException;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.metrics.Metrics;
import io.passerine.login.internal.CallbackValidator.Accepted;
import io.passerine.login.internal.LoginFailure.Kind;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The login sequence (RFC 6749 §4.1 with RFC 7636 PKCE, following RFC 9700) in plain Java: it only puts the protocol
 * steps in order, each step being its own class ({@link LoginTransaction}, {@link CallbackValidator},
 * {@link CodeExchange}, {@link UserInfoClient}, {@link Revoker}), and maps failures to what the user sees
 * ({@link LoginFailure}: status, text, metrics reason). Requests, responses and sessions stay in
 * {@link XLoginMechanism}.
 */
final class LoginFlow {

    /** The mechanism's logger, as before the sequence moved here (log configurations name it). */
    private static final System.Logger LOG = System.getLogger(XLoginMechanism.class.getName());

    private final LoginSettings settings;
    private final Clock clock;
    private final CallbackValidator validator;
    private final CodeExchange exchange;
    private final UserInfoClient userInfo;
    private final Revoker revoker;
    private final AppGroups appGroups;
    private final QueryGuard queryGuard;
    private final Metrics metrics;

    LoginFlow(LoginSettings settings, Clock clock, CodeExchange exchange, UserInfoClient userInfo, Revoker revoker,
            AppGroups appGroups, QueryGuard queryGuard, Metrics metrics) {
        this.settings = settings;
        this.clock = clock;
        this.validator = new CallbackValidator(settings.redirectUri(), settings.issuer());
        this.exchange = exchange;
        this.userInfo = userInfo;
        this.revoker = revoker;
        this.appGroups = appGroups;
        this.queryGuard = queryGuard;
        this.metrics = metrics;
    }

    /**
     * Starts a login: a new transaction (state, PKCE verifier, return path, the form to keep) saved in {@code store},
     * and the authorization request URI to redirect the browser to (RFC 6749 §4.1.1, RFC 7636 §4.3).
     */
    URI begin(TransactionStore store, String returnPath, List<String> scopes, Optional<FormData> form) {
        LoginTransaction tx = LoginTransaction.start(returnPath, scopes, clock.instant()).withForm(form);
        store.save(tx);
        return tx.authorizationUri(settings);
    }

    /** The scopes to ask for: the configured ones, those already granted in {@code session} (if any), {@code extra}. */
    List<String> scopes(SessionLogin session, Collection<String> extra) {
        Set<String> scopes = new LinkedHashSet<>(settings.scopes());
        GrantedTokens granted = session == null ? null : session.peek();
        if (granted != null) {
            scopes.addAll(granted.scopes());
        }
        scopes.addAll(extra);
        return new ArrayList<>(scopes);
    }

    /**
     * What {@code /oauth2/login?scope=&return=} asks for ({@link StepUpRequest}).
     *
     * @param rawQuery the raw query, parsed here within the {@link QueryGuard}'s bounds (never by the container)
     * @throws LoginFailure 400 for a malformed query or a scope that is malformed or not allowlisted
     */
    StepUpRequest stepUp(String rawQuery, String contextPath) {
        try {
            return StepUpRequest.parse(queryGuard.parse(rawQuery), settings.policy(), contextPath);
        } catch (LoginFailure f) {
            LOG.log(Level.INFO, "Step-up refused (HTTP 400): {0}", f.getMessage());
            throw f;
        }
    }

    /**
     * Completes a login at the redirect URI: the callback is validated and its transaction taken from {@code store}
     * before any network call, the code exchanged (RFC 6749 §4.1.3), the user asked for (userinfo), the groups
     * decided (default groups, granted scopes, the application's).
     *
     * @throws LoginFailure for a callback that cannot be accepted
     * @throws ProviderException when the token or userinfo endpoint fails
     */
    CompletedLogin complete(Map<String, List<String>> params, TransactionStore store) {
        Accepted accepted = validator.validate(params, store);
        GrantedTokens tokens = exchange.exchange(accepted.code(), accepted.transaction());
        UserInfo user = userInfo.fetch(tokens.accessToken());
        Set<String> groups = groups(tokens);
        Set<String> app = appGroups.groupsOf(user, groups);
        groups.addAll(app);
        return new CompletedLogin(accepted.transaction(), user, tokens, groups, app);
    }

    /**
     * After the container accepted {@code login}: the tokens of the login it replaced are revoked as
     * {@link Revoker#supersede} decides (a failure does not stop the login); the login is counted.
     */
    void loggedIn(CompletedLogin login, PreviousLogin previous) {
        revoker.supersede(previous.tokens(), login.tokens(), previous.sameUser());
        metrics.login(TokenEndpoint.CLIENT);
        LOG.log(Level.INFO, "X login of {0} with scopes {1}", login.user().principal(), login.tokens().scopes());
    }

    /** A logged-in session's groups: default groups, granted scopes, and those its identity stores gave at login. */
    Set<String> groups(SessionLogin session) {
        return session.groups(settings.defaultGroups());
    }

    /**
     * A logout: the tokens dropped from {@code principal}'s session are revoked at the provider (RFC 7009, refresh
     * token first; best effort).
     *
     * @param dropped the tokens, or null when there were none (nothing to revoke)
     * @return true when nothing had to be revoked or every revocation succeeded
     */
    boolean loggedOut(String principal, GrantedTokens dropped) {
        if (dropped == null) {
            return true;
        }
        boolean revoked = revoker.revoke(dropped);
        if (!revoked) {
            LOG.log(Level.WARNING, "X logout of {0}: revocation failed, the login ended anyway", principal);
        }
        return revoked;
    }

    /**
     * The failure to show for a login that ended in {@code e} at the callback: a {@link LoginFailure} as it is; a
     * {@link ProviderException} as 502 or 504 ({@link LoginFailure#from}); anything else (a cache, a parser) as a
     * generic 502, never a stack trace. Counted by reason ({@code passerine.reason}) and logged without secrets.
     */
    LoginFailure failed(RuntimeException e) {
        LoginFailure f;
        String reason;
        if (e instanceof LoginFailure lf) {
            f = lf;
            reason = f.kind().reason();
            LOG.log(Level.WARNING, "X login failed ({0}, HTTP {1})", f.kind(), f.kind().status());
        } else if (e instanceof ProviderException pe) {
            f = LoginFailure.from(pe);
            reason = f.kind().reason();
            LOG.log(Level.WARNING, "X login failed: {0}", pe.getMessage());
        } else {
            f = new LoginFailure(Kind.PROVIDER, "Login failed. Please start again.");
            reason = "unexpected";
            LOG.log(Level.WARNING, "X login failed: unexpected {0}", e.getClass().getName());
        }
        metrics.loginFailure(TokenEndpoint.CLIENT, reason);
        return f;
    }

    /** An over-long or over-counted query ({@link QueryGuard}): 400; a refused callback is counted as a failure. */
    LoginFailure refused(String refusal, boolean callback) {
        LOG.log(Level.INFO, "Refused {0} (HTTP 400): {1}", callback ? "a callback" : "a login request", refusal);
        if (callback) {
            metrics.loginFailure(TokenEndpoint.CLIENT, Kind.BAD_CALLBACK.reason());
        }
        return new LoginFailure(Kind.BAD_CALLBACK, refusal + " Please start again.");
    }

    /** Default groups plus every scope granted (a token response without {@code scope} grants none). */
    private Set<String> groups(GrantedTokens tokens) {
        Set<String> groups = new LinkedHashSet<>(settings.defaultGroups());
        if (tokens != null) {
            groups.addAll(tokens.scopes());
        }
        return groups;
    }
}
