package io.passerine.apponly.internal;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import io.passerine.api.BearerToken;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.http.ProviderCall;
import io.passerine.internal.http.ProviderErrors;
import io.passerine.ProviderException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One client credentials token request (RFC 6749 §4.4) with HTTP Basic client authentication (§2.3.1: key and secret
 * form-urlencoded, as X requires), through Nimbus. Checks that the answer is a bearer token (any case, RFC 6750).
 */
final class ClientCredentialsFetcher implements Supplier<BearerToken> {

    private final AppOnlySettings settings;
    private final ClientSecretBasic auth;
    private final Clock clock;

    ClientCredentialsFetcher(AppOnlySettings settings, Clock clock) {
        this.settings = settings;
        this.auth = NimbusClientAuth.basic(settings);
        this.clock = clock;
    }

    @Override
    public BearerToken get() {
        String what = "App-only token request (client '" + settings.displayName() + "') to " + settings.tokenUri();
        TokenRequest request = new TokenRequest(settings.tokenUri(), auth, new ClientCredentialsGrant(), null);
        Instant sent = clock.instant();
        HTTPResponse response = ProviderCall.send(request.toHTTPRequest(), settings.timeouts(), what);
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw new ProviderException(ProviderException.Failure.REJECTED,
                    what + " was refused: " + ProviderErrors.describe(response), response.getStatusCode(),
                    ProviderErrors.code(response), null, null);
        }
        AccessToken token = parse(response, what);
        if (!AccessTokenType.BEARER.equals(token.getType())) {
            throw malformed(what, "token_type is '" + token.getType() + "', expected 'bearer'");
        }
        long lifetime = token.getLifetime();
        return new BearerToken(token.getValue(), lifetime > 0 ? sent.plusSeconds(lifetime) : null);
    }

    private static AccessToken parse(HTTPResponse response, String what) {
        try {
            return AccessTokenResponse.parse(response).getTokens().getAccessToken();
        } catch (ParseException e) {
            throw malformed(what, "the answer is not a token response (" + ProviderErrors.describe(response) + ")");
        }
    }

    private static ProviderException malformed(String what, String detail) {
        return new ProviderException(ProviderException.Failure.MALFORMED_RESPONSE, what + " failed: " + detail,
                HTTPResponse.SC_OK, null, null, null);
    }
}
