package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.passerine.internal.http.HttpTimeouts;
import io.passerine.internal.http.ProviderCall;
import io.passerine.internal.http.ProviderErrors;
import io.passerine.ProviderException;
import io.passerine.internal.http.ProviderFailures;
import java.net.URI;
import java.util.Map;

/**
 * Asks the provider who the user is (X has no OpenID Connect: {@code GET /2/users/me} with the user's bearer token,
 * RFC 6750 §2.1) and maps the JSON document to a {@link UserInfo} with an RFC 6901 pointer for the principal.
 */
final class UserInfoClient {

    private final URI userinfoUri;
    private final String principalPointer;
    private final HttpTimeouts timeouts;

    UserInfoClient(URI userinfoUri, String principalPointer, HttpTimeouts timeouts) {
        this.userinfoUri = userinfoUri;
        this.principalPointer = principalPointer;
        this.timeouts = timeouts;
    }

    /** @throws ProviderException REJECTED, MALFORMED_RESPONSE (no JSON, no principal), TIMEOUT, UNREACHABLE */
    public UserInfo fetch(String accessToken) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, userinfoUri);
        request.setAuthorization(new BearerAccessToken(accessToken).toAuthorizationHeader());
        request.setAccept("application/json");
        String what = "userinfo request to " + userinfoUri;
        HTTPResponse response = ProviderCall.send(request, timeouts, what);
        if (!response.indicatesSuccess()) {
            throw ProviderFailures.rejected(what, response);
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (ParseException e) {
            throw ProviderFailures.malformed(what, response.getStatusCode(), "without a JSON object");
        }
        return map(json, principalPointer).orElseThrow(() -> ProviderFailures.malformed(what,
                response.getStatusCode(), "without a usable value at " + principalPointer
                        + " (missing, or with control or format characters)"));
    }

    /**
     * The user in {@code json}, if the principal pointer finds a usable value. Display fields are cleaned of control,
     * bidi and format characters ({@link ProviderErrors#clean}); a principal that cleaning would change is refused
     * instead (empty): two raw values must never become one name, and a name is logged.
     */
    static java.util.Optional<UserInfo> map(Map<String, Object> json, String principalPointer) {
        return JsonPointer.text(json, principalPointer)
                .filter(principal -> principal.equals(ProviderErrors.clean(principal)))
                .map(principal -> new UserInfo(principal,
                        clean(first(json, "/data/id", "/sub").orElse(principal)),
                        clean(first(json, "/data/username", "/preferred_username").orElse(principal)),
                        clean(first(json, "/data/name", "/name").orElse(principal))));
    }

    private static String clean(String providerText) {
        return ProviderErrors.clean(providerText);
    }

    private static java.util.Optional<String> first(Map<String, Object> json, String a, String b) {
        return JsonPointer.text(json, a).or(() -> JsonPointer.text(json, b));
    }
}
