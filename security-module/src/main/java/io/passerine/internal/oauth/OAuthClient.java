package io.passerine.internal.oauth;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.ProviderException;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.http.HttpTimeouts;
import io.passerine.internal.http.ProviderCall;
import io.passerine.internal.http.ProviderErrors;
import io.passerine.internal.http.ProviderFailures;
import io.passerine.internal.metrics.Metrics;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one client of a provider's token-related endpoints, for the login and for app-only tokens alike: client
 * authentication as configured (a Nimbus {@link ClientAuthentication}: HTTP Basic, RFC 6749 §2.3.1, for a
 * confidential client; none but {@code client_id} in the body for a public one, §3.2.1), token requests for any grant
 * (§4.1.3, §4.4, §6), RFC 7009 revocation and X's {@code oauth2/invalidate_token}.
 *
 * <p>One rule for answers: any 2xx status is the provider's acceptance (RFC 9110 §15.3; RFC 6749 §5.1 and RFC 7009
 * §2.2 name 200, which X sends, but a 201 or 204 still means done); every other status is REJECTED with the
 * provider's error ({@link ProviderFailures#rejected}). A token answer must then be a JSON token response with
 * {@code token_type} bearer in any case (RFC 6750; no N_A, DPoP or mac) and a non-blank access token (checklist row
 * 31), else MALFORMED_RESPONSE; a revocation answer's body is ignored. No message holds a secret or a token.
 */
public final class OAuthClient {

    private final ClientID clientId;
    /** Null: a public client. */
    private final ClientAuthentication auth;
    private final URI tokenUri;
    private final URI revokeUri;
    private final HttpTimeouts timeouts;
    private final Clock clock;
    private final Metrics metrics;
    private final String metricsClient;

    /**
     * @param auth null for a public client
     * @param metricsClient the {@code passerine.client} attribute of this client's token requests in {@code metrics}
     */
    public OAuthClient(ClientID clientId, ClientAuthentication auth, URI tokenUri, URI revokeUri,
            HttpTimeouts timeouts, Clock clock, Metrics metrics, String metricsClient) {
        this.clientId = clientId;
        this.auth = auth;
        this.tokenUri = tokenUri;
        this.revokeUri = revokeUri;
        this.timeouts = timeouts;
        this.clock = clock;
        this.metrics = metrics;
        this.metricsClient = metricsClient;
    }

    /** The login's client: Basic with the client secret, or a public client when there is none. */
    public static OAuthClient forLogin(LoginSettings s, Clock clock, Metrics metrics, String metricsClient) {
        ClientID id = new ClientID(s.clientId());
        return new OAuthClient(id, s.clientSecret().map(secret -> basic(id, secret)).orElse(null), s.tokenUri(),
                s.revokeUri(), s.timeouts(), clock, metrics, metricsClient);
    }

    /** An app's client: Basic with the API key and secret (X requires it for app-only tokens). */
    public static OAuthClient forAppOnly(AppOnlySettings s, Clock clock, Metrics metrics) {
        ClientID id = new ClientID(s.apiKey());
        return new OAuthClient(id, basic(id, s.apiSecret()), s.tokenUri(), s.revokeUri(), s.timeouts(), clock,
                metrics, s.displayName());
    }

    private static ClientSecretBasic basic(ClientID id, io.passerine.internal.config.Secret secret) {
        return new ClientSecretBasic(id, new Secret(secret.reveal()));
    }

    /**
     * Sends a token request for {@code grant} (recorded in the metrics: count, latency, failure kind).
     *
     * @param label the call's name in messages, e.g. {@code "token request (refresh)"}; " to <token URI>" follows
     * @throws ProviderException REJECTED, MALFORMED_RESPONSE, TIMEOUT, UNREACHABLE
     */
    public IssuedToken token(AuthorizationGrant grant, String label) {
        TokenRequest request = auth == null ? new TokenRequest(tokenUri, clientId, grant, null)
                : new TokenRequest(tokenUri, auth, grant, null);
        String what = label + " to " + tokenUri;
        return metrics.timeTokenRequest(metricsClient, grant.getType().getValue(), () -> {
            Instant sent = clock.instant();
            return parse(accepted(ProviderCall.send(request.toHTTPRequest(), timeouts, what), what), sent, what);
        });
    }

    /**
     * Revokes {@code token} (RFC 7009 §2.1; Nimbus adds {@code token_type_hint} from the token's type).
     *
     * @throws ProviderException REJECTED, TIMEOUT, UNREACHABLE
     */
    public void revoke(Token token, String label) {
        TokenRevocationRequest request = auth == null ? new TokenRevocationRequest(revokeUri, clientId, token)
                : new TokenRevocationRequest(revokeUri, auth, token);
        String what = label + " to " + revokeUri;
        accepted(ProviderCall.send(request.toHTTPRequest(), timeouts, what), what);
    }

    /**
     * Invalidates an app-only token the X way: {@code POST oauth2/invalidate_token} with {@code access_token} in the
     * form body and the client authentication.
     *
     * @throws ProviderException REJECTED, TIMEOUT, UNREACHABLE
     */
    public void invalidate(String accessToken, String label) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, revokeUri);
        request.setEntityContentType(ContentType.APPLICATION_URLENCODED);
        request.setBody(URLUtils.serializeParameters(auth == null
                ? Map.of("access_token", List.of(accessToken), "client_id", List.of(clientId.getValue()))
                : Map.of("access_token", List.of(accessToken))));
        if (auth != null) {
            auth.applyTo(request);
        }
        String what = label + " to " + revokeUri;
        accepted(ProviderCall.send(request, timeouts, what), what);
    }

    public URI tokenUri() {
        return tokenUri;
    }

    private static HTTPResponse accepted(HTTPResponse response, String what) {
        if (!response.indicatesSuccess()) {
            throw ProviderFailures.rejected(what, response);
        }
        return response;
    }

    /** A 2xx answer as a checked token response (see the class comment); never puts the body in a message. */
    static IssuedToken parse(HTTPResponse response, Instant sent, String what) {
        AccessTokenResponse ok;
        try {
            ok = AccessTokenResponse.parse(response.getBodyAsJSONObject());
        } catch (ParseException e) {
            throw ProviderFailures.malformed(what, response.getStatusCode(), "without a usable bearer token "
                    + "(expected JSON with access_token and token_type=bearer)");
        }
        AccessToken at = ok.getTokens().getAccessToken();
        if (!AccessTokenType.BEARER.equals(at.getType())) {
            throw ProviderFailures.malformed(what, response.getStatusCode(), "with token_type '"
                    + ProviderErrors.clean(String.valueOf(at.getType())) + "', expected bearer");
        }
        if (at.getValue() == null || at.getValue().isBlank()) {
            throw ProviderFailures.malformed(what, response.getStatusCode(), "with an empty access_token");
        }
        RefreshToken rt = ok.getTokens().getRefreshToken();
        return new IssuedToken(at.getValue(), sent, Math.max(0, at.getLifetime()), rt == null ? null : rt.getValue(),
                at.getScope() == null ? null : at.getScope().toStringList());
    }
}
