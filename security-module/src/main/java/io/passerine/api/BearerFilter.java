package io.passerine.api;

import io.passerine.api.internal.ApiPolicy;
import io.passerine.api.internal.ApiCallState;
import io.passerine.api.internal.RateLimitRegistry;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import io.passerine.api.internal.TraceContextGuard;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * The common part of Passerine's outgoing JAX-RS filters for X's API: puts a bearer token on the request (RFC 6750
 * §2.1), records X's {@code x-rate-limit-*} headers of every response ({@link RateLimits}), retries once with a fresh
 * token after a 401, and applies the 429/5xx policy of {@code passerine.api.*}: wait for the reset and retry once,
 * or fail fast with {@link RateLimitedException}; bounded, jittered retries of idempotent requests after a 5xx.
 * Resent requests go through the same client (so through this filter again); a property counts the attempts.
 * Subclasses say where the {@link BearerToken} comes from, whose quota it counts against, and what a 401 means.
 */
public abstract class BearerFilter implements ClientRequestFilter, ClientResponseFilter, Feature {

    private static final String CREDENTIAL = BearerFilter.class.getName() + ".credential";
    private static final String ATTEMPT = BearerFilter.class.getName() + ".attempt";
    private static final String RETRIED_401 = BearerFilter.class.getName() + ".retried401";
    private static final String WAITED_429 = BearerFilter.class.getName() + ".waited429";
    /** Set by every MicroProfile Rest Client on its requests (MP Rest Client 2.0+). */
    private static final String MP_INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";
    /** Connect timeout of a resend for a MicroProfile Rest Client (whose own ones cannot be read back). */
    public static final Duration RESEND_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read timeout of a resend for a MicroProfile Rest Client. */
    public static final Duration RESEND_READ_TIMEOUT = Duration.ofSeconds(30);

    /** @return the current token (fetched or refreshed as needed) */
    protected abstract BearerToken credential();

    /**
     * @param credential the credential of this request
     * @return the quota owner of {@code credential}, e.g. {@code app-only} or {@code user:alice}
     */
    protected abstract String client(BearerToken credential);

    /**
     * The API refused {@code credential} with 401: drop it.
     *
     * @param credential the refused credential
     * @return true if a fresh one is worth one more try
     */
    protected abstract boolean rejected(BearerToken credential);

    @Override
    public void filter(ClientRequestContext request) {
        BearerToken credential = credential();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, credential.authorizationHeader());
        request.setProperty(CREDENTIAL, credential);
    }

    /**
     * Registering this filter also registers {@link TraceContextGuard}, last of all request filters: a runtime-level
     * OpenTelemetry client filter (Open Liberty's mpTelemetry) adds W3C Trace Context headers to every JAX-RS client
     * call, and internal trace ids are no business of X ({@code passerine.api.propagate-trace-context=true} keeps
     * them).
     */
    @Override
    public boolean configure(FeatureContext context) {
        if (!ApiCallState.current().policy().propagatesTraceContext()) { // decided once per client, not per call
            context.register(new TraceContextGuard(), Integer.MAX_VALUE);
        }
        return true;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        if (!(request.getProperty(CREDENTIAL) instanceof BearerToken credential)) {
            return;
        }
        ApiCallState runtime = ApiCallState.current();
        String endpoint = RateLimitRegistry.endpoint(request.getMethod(), request.getUri().getPath());
        String what = "X API call " + endpoint;
        Optional<RateLimit> limit = RateLimitRegistry.parse(response.getHeaders()::getFirst, runtime.clock().instant());
        limit.ifPresent(l -> runtime.registry().record(client(credential), endpoint, l));

        int status = response.getStatus();
        if (status == 401 && request.getProperty(RETRIED_401) == null && rejected(credential)) {
            resend(request, response, Map.of(RETRIED_401, true));
            return;
        }
        int attempt = request.getProperty(ATTEMPT) instanceof Integer n ? n : 1;
        boolean waited = request.getProperty(WAITED_429) != null;
        ApiPolicy.Decision decision = runtime.policy().decide(request.getMethod(), status, limit,
                status == 429 && usageCapped(response), attempt, waited, what);
        if (decision instanceof ApiPolicy.Fail fail) {
            throw fail.error();
        }
        if (decision instanceof ApiPolicy.Retry retry) {
            sleep(retry.delay().toMillis());
            resend(request, response, status == 429 ? Map.of(WAITED_429, true, ATTEMPT, attempt)
                    : Map.of(ATTEMPT, attempt + 1));
        }
    }

    private static boolean usageCapped(ClientResponseContext response) throws IOException {
        if (!response.hasEntity()) {
            return false;
        }
        byte[] body = response.getEntityStream().readAllBytes();
        response.setEntityStream(new ByteArrayInputStream(body));
        return new String(body, StandardCharsets.UTF_8).contains("usage-capped");
    }

    /**
     * Sends the same method, URI, headers (but Authorization) and entity once more, through this filter again, and
     * puts the answer in place of {@code response}. A plain JAX-RS client resends through itself (its other filters
     * and settings apply); a MicroProfile Rest Client cannot (RESTEasy's MP invocations need the interface method a
     * resend does not have), so its resend goes through a short-lived JAX-RS client with the same TLS settings,
     * {@link #RESEND_CONNECT_TIMEOUT} and {@link #RESEND_READ_TIMEOUT}.
     */
    private void resend(ClientRequestContext request, ClientResponseContext response, Map<String, Object> properties) {
        if (request.getProperty(MP_INVOKED_METHOD) == null) {
            replace(response, resend(request.getClient(), request, properties));
            return;
        }
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(RESEND_CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(RESEND_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Client original = request.getClient();
        // the application's own TLS settings carried over as they are (never loosened); absent ones keep the defaults
        if (original.getSslContext() != null) {
            builder.sslContext(original.getSslContext());
        }
        if (original.getHostnameVerifier() != null) {
            builder.hostnameVerifier(original.getHostnameVerifier());
        }
        Client own = builder.register(this).build();
        try {
            replace(response, resend(own, request, properties));
        } finally {
            own.close();
        }
    }

    private static Response resend(Client client, ClientRequestContext request, Map<String, Object> properties) {
        Invocation.Builder builder = client.target(request.getUri()).request();
        request.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        for (String name : request.getPropertyNames()) {
            if (name.startsWith(BearerFilter.class.getName()) && !name.equals(CREDENTIAL)) {
                builder.property(name, request.getProperty(name));
            }
        }
        properties.forEach(builder::property);
        if (request.hasEntity()) {
            return builder.method(request.getMethod(),
                    Entity.entity(request.getEntity(), request.getMediaType(), request.getEntityAnnotations()));
        }
        return builder.method(request.getMethod());
    }

    private static void replace(ClientResponseContext response, Response with) {
        try (with) {
            response.setStatus(with.getStatus());
            response.getHeaders().clear();
            for (Map.Entry<String, List<String>> h : with.getStringHeaders().entrySet()) {
                response.getHeaders().put(h.getKey(), h.getValue());
            }
            byte[] body = with.hasEntity() ? with.readEntity(byte[].class) : new byte[0];
            response.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
