package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.token.Token;
import io.passerine.ProviderException;
import io.passerine.internal.config.LoginPolicy;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.metrics.Metrics;
import io.passerine.internal.oauth.IssuedToken;
import io.passerine.internal.oauth.OAuthClient;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The login's use of the provider's token and revocation endpoints ({@link OAuthClient}, with the client
 * authentication of the settings), and what a token answer means for a login: {@link GrantedTokens}. Shared by
 * {@link CodeExchange}, {@link Refresher} and {@link Revoker}.
 */
final class TokenEndpoint {

    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());
    /** The missing-scope notice is logged once per JVM, not for every login. */
    private static final AtomicBoolean NO_SCOPE_LOGGED = new AtomicBoolean();

    /** The {@code passerine.client} metrics attribute of the login's token requests. */
    static final String CLIENT = "login";

    private final LoginSettings settings;
    private final OAuthClient client;
    private final Metrics metrics;

    TokenEndpoint(LoginSettings settings, Clock clock) {
        this(settings, clock, Metrics.NONE);
    }

    /** Every token request is recorded in {@code metrics} (count, latency, failure kind); revocations are not. */
    TokenEndpoint(LoginSettings settings, Clock clock, Metrics metrics) {
        this.settings = settings;
        this.client = OAuthClient.forLogin(settings, clock, metrics, CLIENT);
        this.metrics = metrics;
    }

    public Metrics metrics() {
        return metrics;
    }

    public LoginSettings settings() {
        return settings;
    }

    /**
     * Sends a token request for {@code grant} and reads the answer as a login's tokens ({@link #granted}).
     *
     * @param ifOmitted the granted scopes when the response has no {@code scope}: none for a new grant, the
     *        previously granted ones for a refresh
     * @throws ProviderException REJECTED (error answer), MALFORMED_RESPONSE (no usable token), TIMEOUT, UNREACHABLE
     */
    public GrantedTokens request(AuthorizationGrant grant, Collection<String> ifOmitted, String what) {
        return granted(client.token(grant, what), ifOmitted, settings.policy().defaultExpiresIn(), what);
    }

    /** Revokes one token (RFC 7009 §2.1; Nimbus adds {@code token_type_hint} from the token's type). */
    public void revoke(Token token) {
        client.revoke(token, "revocation request");
    }

    /**
     * A checked token answer as the login's tokens. A missing {@code expires_in} means {@code defaultLife}, not
     * "never". A missing {@code scope} grants {@code ifOmitted}: RFC 6749 §5.1 lets a server omit it when it granted
     * exactly what was asked, but then a step-up to an invented scope would become a group, so for a new grant
     * nothing counts as granted; a refresh keeps the previous grant (it cannot widen it, §6). Granted values that
     * are no RFC 6749 §3.3 scope-token are dropped.
     */
    static GrantedTokens granted(IssuedToken issued, Collection<String> ifOmitted, Duration defaultLife, String what) {
        Set<String> scopes;
        if (issued.scope() != null) {
            scopes = new LinkedHashSet<>(issued.scope());
            scopes.removeIf(sc -> !LoginPolicy.SCOPE_TOKEN.matcher(sc).matches()); // §3.3: no group named "a\u202Eb"
        } else {
            scopes = new LinkedHashSet<>(ifOmitted);
            if (NO_SCOPE_LOGGED.compareAndSet(false, true)) {
                LOG.log(Level.INFO, "The {0} has no scope: scopes count as granted only when the provider names "
                        + "them (a new login: none, so no scope groups; a refresh: the previous grant)", what);
            }
        }
        return new GrantedTokens(issued.accessToken(),
                issued.expiresAt().orElse(issued.sentAt().plus(defaultLife)), issued.refreshToken(), scopes);
    }
}
