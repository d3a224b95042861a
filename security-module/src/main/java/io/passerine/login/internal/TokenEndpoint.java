package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import io.passerine.internal.config.LoginPolicy;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.http.ProviderCall;
import io.passerine.internal.http.ProviderErrors;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.internal.metrics.Metrics;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls to the provider's token and revocation endpoints, with the client authentication of the settings: HTTP Basic
 * for a confidential client (RFC 6749 §2.3.1), {@code client_id} in the body for a public one (RFC 6749 §3.2.1).
 * Shared by {@link CodeExchange}, {@link Refresher} and {@link Revoker}.
 */
final class TokenEndpoint {

    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());
    /** The missing-scope notice is logged once per JVM, not for every login. */
    private static final AtomicBoolean NO_SCOPE_LOGGED = new AtomicBoolean();

    /** The {@code passerine.client} metrics attribute of the login's token requests. */
    static final String CLIENT = "login";

    private final LoginSettings settings;
    private final Clock clock;
    private final Metrics metrics;

    TokenEndpoint(LoginSettings settings, Clock clock) {
        this(settings, clock, Metrics.NONE);
    }

    /** Every token request is recorded in {@code metrics} (count, latency, failure kind); revocations are not. */
    TokenEndpoint(LoginSettings settings, Clock clock, Metrics metrics) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Metrics metrics() {
        return metrics;
    }

    public LoginSettings settings() {
        return settings;
    }

    /**
     * Sends a token request for {@code grant} and parses the answer (RFC 6749 §5.1/§5.2).
     *
     * @param ifOmitted the granted scopes when the response has no {@code scope}: none for a new grant, the
     *        previously granted ones for a refresh (see {@link #parse})
     * @throws ProviderException REJECTED (error answer), MALFORMED_RESPONSE (no usable token), TIMEOUT, UNREACHABLE
     */
    public GrantedTokens request(AuthorizationGrant grant, Collection<String> ifOmitted, String what) {
        ClientID clientId = new ClientID(settings.clientId());
        TokenRequest request = settings.clientSecret()
                .map(s -> new TokenRequest(settings.tokenUri(), new ClientSecretBasic(clientId, new Secret(s.reveal())),
                        grant))
                .orElseGet(() -> new TokenRequest(settings.tokenUri(), clientId, grant));
        String name = what + " to " + settings.tokenUri();
        return metrics.timeTokenRequest(CLIENT, grant.getType().getValue(), () -> parse(
                ProviderCall.send(request.toHTTPRequest(), settings.timeouts(), name), ifOmitted, clock.instant(),
                settings.policy().defaultExpiresIn(), name));
    }

    /** Revokes one token (RFC 7009 §2.1; Nimbus adds {@code token_type_hint} from the token's type). */
    public void revoke(Token token) {
        ClientID clientId = new ClientID(settings.clientId());
        TokenRevocationRequest request = settings.clientSecret()
                .map(s -> new TokenRevocationRequest(settings.revokeUri(),
                        new ClientSecretBasic(clientId, new Secret(s.reveal())), token))
                .orElseGet(() -> new TokenRevocationRequest(settings.revokeUri(), clientId, token));
        String name = "revocation request to " + settings.revokeUri();
        HTTPResponse response = ProviderCall.send(request.toHTTPRequest(), settings.timeouts(), name);
        if (!response.indicatesSuccess()) {
            throw new ProviderException(Failure.REJECTED, name + " failed: " + ProviderErrors.describe(response),
                    response.getStatusCode(), ProviderErrors.code(response), null, null);
        }
    }

    /**
     * Parses a token endpoint answer into a {@link GrantedTokens}; never puts the body or a token in a message. Checked
     * beyond Nimbus (checklist row 31): {@code token_type} must be {@code bearer} in any case (RFC 6750; no N_A,
     * DPoP or mac), the access token must not be blank; a missing {@code expires_in} means {@code defaultLife}, not
     * "never". A missing {@code scope} grants {@code ifOmitted}: RFC 6749 §5.1 lets a server omit it when it granted
     * exactly what was asked, but then a step-up to an invented scope would become a group, so for a new grant
     * nothing counts as granted; a refresh keeps the previous grant (it cannot widen it, §6). Granted values that
     * are no RFC 6749 §3.3 scope-token are dropped.
     */
    static GrantedTokens parse(HTTPResponse response, Collection<String> ifOmitted, Instant now, Duration defaultLife,
            String what) {
        if (!response.indicatesSuccess()) {
            throw new ProviderException(Failure.REJECTED, what + " failed: " + ProviderErrors.describe(response),
                    response.getStatusCode(), ProviderErrors.code(response), null, null);
        }
        AccessTokenResponse ok;
        try {
            TokenResponse parsed = TokenResponse.parse(response);
            if (!parsed.indicatesSuccess()) {
                throw new ProviderException(Failure.MALFORMED_RESPONSE, what + " answered an error with a 2xx status",
                        response.getStatusCode(), ProviderErrors.code(response), null, null);
            }
            ok = parsed.toSuccessResponse();
        } catch (ParseException e) {
            throw malformed(response, what, "without a usable bearer token (expected JSON with access_token and "
                    + "token_type=bearer)");
        }
        AccessToken at = ok.getTokens().getAccessToken();
        if (!AccessTokenType.BEARER.equals(at.getType())) {
            throw malformed(response, what, "with token_type '" + ProviderErrors.clean(String.valueOf(at.getType()))
                    + "', expected bearer");
        }
        if (at.getValue() == null || at.getValue().isBlank()) {
            throw malformed(response, what, "with an empty access_token");
        }
        RefreshToken rt = ok.getTokens().getRefreshToken();
        Instant expiresAt = now.plusSeconds(at.getLifetime() > 0 ? at.getLifetime() : defaultLife.toSeconds());
        Set<String> scopes;
        if (at.getScope() != null) {
            scopes = new LinkedHashSet<>(at.getScope().toStringList());
            scopes.removeIf(sc -> !LoginPolicy.SCOPE_TOKEN.matcher(sc).matches()); // §3.3: no group named "a\u202Eb"
        } else {
            scopes = new LinkedHashSet<>(ifOmitted);
            if (NO_SCOPE_LOGGED.compareAndSet(false, true)) {
                LOG.log(Level.INFO, "The {0} has no scope: scopes count as granted only when the provider names "
                        + "them (a new login: none, so no scope groups; a refresh: the previous grant)", what);
            }
        }
        return new GrantedTokens(at.getValue(), expiresAt, rt == null ? null : rt.getValue(), scopes);
    }

    private static ProviderException malformed(HTTPResponse response, String what, String detail) {
        return new ProviderException(Failure.MALFORMED_RESPONSE, what + " answered HTTP "
                + response.getStatusCode() + " " + detail, response.getStatusCode(), null, null, null);
    }
}
