package io.passerine.internal.health;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.internal.http.HttpTimeouts;
import io.passerine.internal.http.ProviderCall;
import io.passerine.ProviderException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The probes behind Passerine's readiness checks (plain Java). */
final class Probes {

    private Probes() {
    }

    /** UP when the client holds a token or can really obtain one (its single flight and backoff apply). */
    /**
     * The application's name ({@code java:app/AppName}), put in each check's data so that two Passerine applications
     * on one server can be told apart; null where the naming context does not tell it.
     */
    static String applicationName() {
        try {
            return (String) new javax.naming.InitialContext().lookup("java:app/AppName");
        } catch (javax.naming.NamingException | RuntimeException e) {
            return null;
        }
    }

    static CachedProbe.Result appOnly(AppOnlyTokenClient client) {
        try {
            client.token();
            return new CachedProbe.Result(true, Map.of());
        } catch (ProviderException e) {
            return down(e);
        }
    }

    /** UP when the token endpoint answers at all below 500 (a GET: no grant is attempted). */
    static CachedProbe.Result endpointAnswers(URI endpoint, HttpTimeouts timeouts) {
        try {
            HTTPResponse r = ProviderCall.send(new HTTPRequest(HTTPRequest.Method.GET, endpoint), timeouts,
                    "Token endpoint probe of " + endpoint);
            if (r.getStatusCode() >= 500) {
                return new CachedProbe.Result(false, Map.of("failure", "REJECTED", "httpStatus",
                        String.valueOf(r.getStatusCode())));
            }
            return new CachedProbe.Result(true, Map.of());
        } catch (ProviderException e) {
            return down(e);
        }
    }

    private static CachedProbe.Result down(ProviderException e) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("failure", e.failure().name());
        if (e.httpStatus() > 0) {
            data.put("httpStatus", String.valueOf(e.httpStatus()));
        }
        e.retryAfter().ifPresent(t -> data.put("retryAfter", t.toString()));
        return new CachedProbe.Result(false, data);
    }
}
