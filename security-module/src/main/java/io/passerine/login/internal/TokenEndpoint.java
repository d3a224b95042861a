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
import io.passerine.config.LoginSettings;
import io.passerine.http.ProviderCall;
import io.passerine.http.ProviderErrors;
import io.passerine.http.ProviderException;
import io.passerine.http.ProviderException.Failure;
import io.passerine.metrics.internal.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Calls to the provider's token and revocation endpoints, with the client authentication of the settings: HTTP Basic
 * for a confidential client (RFC 6749 §2.3.1), {@code client_id} in the body for a public one (RFC 6749 §3.2.1).
 * Shared by {@link CodeExchange}, {@link Refresher} and {@link Revoker}.
 */
public final class TokenEndpoint {

    /** The {@code passerine.client} metrics attribute of the login's token requests. */
    public static final String CLIENT = "login";

    private final LoginSettings settings;
    private final Clock clock;
    private final Metrics metrics;

    public TokenEndpoint(LoginSettings settings, Clock clock) {
        this(settings, clock, Metrics.NONE);
    }

    /** Every token request is recorded in {@code metrics} (count, latency, failure kind); revocations are not. */
    public TokenEndpoint(LoginSettings settings, Clock clock, Metrics metrics) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Metrics metrics() {
        return metrics;
    }

    /**
     * Sends a token request for {@code grant} and parses the answer (RFC 6749 §5.1/§5.2).
     *
     * @param requested the scopes asked for: the granted ones when the response has no {@code scope} (§5.1)
     * @throws ProviderException REJECTED (error answer), MALFORMED_RESPONSE (no usable token), TIMEOUT, UNREACHABLE
     */
    public TokenSet request(AuthorizationGrant grant, Collection<String> requested, String what) {
        ClientID clientId = new ClientID(settings.clientId());
        TokenRequest request = settings.clientSecret()
                .map(s -> new TokenRequest(settings.tokenUri(), new ClientSecretBasic(clientId, new Secret(s.reveal())),
                        grant))
                .orElseGet(() -> new TokenRequest(settings.tokenUri(), clientId, grant));
        String name = what + " to " + settings.tokenUri();
        return metrics.timeTokenRequest(CLIENT, grant.getType().getValue(), () -> parse(
                ProviderCall.send(request.toHTTPRequest(), settings.timeouts(), name), requested, clock.instant(), name));
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

    /** Parses a token endpoint answer into a {@link TokenSet}; never puts the body or a token in a message. */
    static TokenSet parse(HTTPResponse response, Collection<String> requested, Instant now, String what) {
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
            throw new ProviderException(Failure.MALFORMED_RESPONSE, what + " answered HTTP "
                    + response.getStatusCode() + " without a usable bearer token (expected JSON with access_token "
                    + "and token_type=bearer)", response.getStatusCode(), null, null, null);
        }
        AccessToken at = ok.getTokens().getAccessToken();
        RefreshToken rt = ok.getTokens().getRefreshToken();
        Instant expiresAt = at.getLifetime() > 0 ? now.plusSeconds(at.getLifetime()) : null;
        Set<String> scopes = at.getScope() != null ? new LinkedHashSet<>(at.getScope().toStringList())
                : new LinkedHashSet<>(requested);
        return new TokenSet(at.getValue(), expiresAt, rt == null ? null : rt.getValue(), scopes);
    }
}
