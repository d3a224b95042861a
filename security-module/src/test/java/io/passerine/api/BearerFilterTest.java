package io.passerine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.api.internal.ApiCallState;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link BearerFilter} without a JAX-RS runtime (hand-made request and response contexts; outside CDI the filter uses
 * the default {@code passerine.api.*} policy): the bearer header, the rate-limit record, and the 429 and 401 rules
 * that need no resend.
 */
class BearerFilterTest {

    /** A filter with a fixed token; records what it was asked. */
    private static final class Filter extends BearerFilter {
        final String client = "test-" + UUID.randomUUID(); // the registry is shared by the tests of this JVM
        final List<String> rejected = new ArrayList<>();

        @Override
        protected BearerToken credential() {
            return new BearerToken("T-1", null);
        }

        @Override
        protected String client(BearerToken credential) {
            return client;
        }

        @Override
        protected boolean rejected(BearerToken credential) {
            rejected.add(credential.value());
            return false; // no fresh credential: no resend
        }
    }

    private final Filter filter = new Filter();
    private final MultivaluedMap<String, Object> requestHeaders = new MultivaluedHashMap<>();
    private final Map<String, Object> properties = new HashMap<>();
    private final ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ClientRequestContext.class}, (p, m, args) -> switch (m.getName()) {
                case "getHeaders" -> requestHeaders;
                case "setProperty" -> properties.put((String) args[0], args[1]);
                case "getProperty" -> properties.get((String) args[0]);
                case "getMethod" -> "GET";
                case "getUri" -> URI.create("https://api.x.com/2/users/123/tweets");
                default -> throw new AssertionError("unexpected " + m.getName());
            });

    private static ClientResponseContext response(int status, Map<String, String> headers, String body) {
        MultivaluedMap<String, String> h = new MultivaluedHashMap<>();
        headers.forEach(h::putSingle);
        return (ClientResponseContext) Proxy.newProxyInstance(BearerFilterTest.class.getClassLoader(),
                new Class<?>[] {ClientResponseContext.class}, (p, m, args) -> switch (m.getName()) {
                    case "getStatus" -> status;
                    case "getHeaders" -> h;
                    case "hasEntity" -> body != null;
                    case "getEntityStream" -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
                    case "setEntityStream" -> null;
                    default -> throw new AssertionError("unexpected " + m.getName());
                });
    }

    @Test
    void theRequestCarriesTheBearerToken() {
        filter.filter(request);
        assertEquals(List.of("Bearer T-1"), requestHeaders.get("Authorization"));
    }

    @Test
    void aResponseOfAnotherFilterIsLeftAlone() throws Exception {
        filter.filter(request, response(429, Map.of(), null)); // no credential of ours on this request
        assertTrue(filter.rejected.isEmpty());
    }

    @Test
    void theRateLimitOfEveryResponseIsRecorded() throws Exception {
        filter.filter(request);
        long reset = System.currentTimeMillis() / 1000 + 900;
        filter.filter(request, response(200, Map.of("x-rate-limit-limit", "900", "x-rate-limit-remaining", "899",
                "x-rate-limit-reset", String.valueOf(reset)), "{}"));
        RateLimit limit = ApiCallState.current().registry().current(filter.client, "GET /2/users/:id/tweets")
                .orElseThrow(() -> new AssertionError(ApiCallState.current().registry().snapshot().toString()));
        assertEquals(899, limit.remaining());
        assertFalse(limit.exhausted());
    }

    @Test
    void aUsageCapFailsFastWithoutWaiting() {
        filter.filter(request);
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> filter.filter(request,
                response(429, Map.of(), "{\"title\":\"UsageCapExceeded\",\"type\":\"usage-capped\"}")));
        assertTrue(e.getMessage().contains("usage cap"), e.getMessage());
        assertFalse(e.getMessage().contains("T-1"), "no token in the message");
    }

    @Test
    void a429WithoutAResetFailsWithoutAResend() {
        filter.filter(request);
        assertThrows(RateLimitedException.class, () -> filter.filter(request, response(429, Map.of(), null)));
    }

    @Test
    void a401DropsTheCredentialAndPassesWhenThereIsNoFreshOne() throws Exception {
        filter.filter(request);
        filter.filter(request, response(401, Map.of(), "{}"));
        assertEquals(List.of("T-1"), filter.rejected, "the rejected credential was dropped once");
        assertNull(properties.get(BearerFilter.class.getName() + ".retried401"), "no resend");
    }
}
