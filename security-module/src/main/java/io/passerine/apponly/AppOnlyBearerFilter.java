package io.passerine.apponly;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * Puts the app-only bearer token on outgoing JAX-RS client requests (RFC 6750 §2.1) and, when the API answers 401,
 * discards that token and sends the request once more with a fresh one — once, never in a loop.
 *
 * <p>Register it on a JAX-RS client ({@code client.register(new AppOnlyBearerFilter(tokens))}) or on a MicroProfile
 * Rest Client interface ({@code @RegisterProvider(AppOnlyBearerFilter.class)}: the no-argument constructor uses the
 * default client from CDI).
 */
public class AppOnlyBearerFilter implements ClientRequestFilter, ClientResponseFilter {

    private static final String TOKEN = AppOnlyBearerFilter.class.getName() + ".token";
    private static final String RETRIED = AppOnlyBearerFilter.class.getName() + ".retried";

    private volatile AppOnlyTokenClient tokens;

    /** Uses the default {@link AppOnlyTokenClient} of the current CDI container. */
    public AppOnlyBearerFilter() {
    }

    public AppOnlyBearerFilter(AppOnlyTokenClient tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        BearerToken token = tokens().token();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
        request.setProperty(TOKEN, token);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() != Response.Status.UNAUTHORIZED.getStatusCode()
                || request.getProperty(RETRIED) != null
                || !(request.getProperty(TOKEN) instanceof BearerToken rejected)) {
            return;
        }
        tokens().discard(rejected);
        try (Response retried = resend(request)) {
            response.setStatus(retried.getStatus());
            response.getHeaders().clear();
            for (Map.Entry<String, java.util.List<String>> h : retried.getStringHeaders().entrySet()) {
                response.getHeaders().put(h.getKey(), h.getValue());
            }
            byte[] body = retried.hasEntity() ? retried.readEntity(byte[].class) : new byte[0];
            response.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    /** The same method, URI, headers and entity, through the same client (so this filter adds the new token). */
    private static Response resend(ClientRequestContext request) {
        Invocation.Builder builder = request.getClient().target(request.getUri()).request();
        MultivaluedMap<String, Object> headers = request.getHeaders();
        headers.forEach((name, values) -> {
            if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        builder.property(RETRIED, Boolean.TRUE);
        if (request.hasEntity()) {
            return builder.method(request.getMethod(),
                    Entity.entity(request.getEntity(), request.getMediaType(), request.getEntityAnnotations()));
        }
        return builder.method(request.getMethod());
    }

    private AppOnlyTokenClient tokens() {
        AppOnlyTokenClient t = tokens;
        if (t == null) {
            t = CDI.current().select(AppOnlyTokenClient.class).get();
            tokens = t;
        }
        return t;
    }
}
