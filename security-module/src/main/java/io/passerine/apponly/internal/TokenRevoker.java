package io.passerine.apponly.internal;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.api.BearerToken;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.http.ProviderCall;
import io.passerine.internal.http.ProviderErrors;
import io.passerine.ProviderException;
import java.util.List;
import java.util.Map;

/**
 * Revokes an app-only token: X's {@code POST oauth2/invalidate_token} ({@code access_token} in the form body, Basic
 * auth) or an RFC 7009 revocation request, as configured.
 */
final class TokenRevoker {

    private final AppOnlySettings settings;
    private final ClientSecretBasic auth;

    TokenRevoker(AppOnlySettings settings) {
        this.settings = settings;
        this.auth = NimbusClientAuth.basic(settings);
    }

    void revoke(BearerToken token) {
        String what = "App-only token revocation (client '" + settings.displayName() + "') at " + settings.revokeUri();
        HTTPResponse response = ProviderCall.send(request(token), settings.timeouts(), what);
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw new ProviderException(ProviderException.Failure.REJECTED,
                    what + " was refused: " + ProviderErrors.describe(response), response.getStatusCode(),
                    ProviderErrors.code(response), null, null);
        }
    }

    private HTTPRequest request(BearerToken token) {
        if (settings.revokeStyle() == AppOnlySettings.RevokeStyle.RFC7009) {
            return new TokenRevocationRequest(settings.revokeUri(), auth, new BearerAccessToken(token.value()))
                    .toHTTPRequest();
        }
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, settings.revokeUri());
        request.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        request.setAuthorization(auth.toHTTPAuthorizationHeader());
        request.setBody(URLUtils.serializeParameters(Map.of("access_token", List.of(token.value()))));
        return request;
    }
}
