package io.passerine.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.internal.config.ConfigReader;
import io.passerine.ConfigurationException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13 (11): calls to X carry no trace context unless passerine.api.propagate-trace-context=true. */
class TraceContextGuardTest {

    @Test
    void traceHeadersAreRemovedAndTheRestStays() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.add("tracestate", "congo=t61rcWkgMzE");
        headers.add("baggage", "userId=alice");
        headers.add("Authorization", "Bearer x");
        ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (p, m, a) -> m.getName().equals("getHeaders") ? headers
                        : null);
        new TraceContextGuard().filter(request);
        assertEquals(List.of("Authorization"), List.copyOf(headers.keySet()));
    }

    @Test
    void propagationIsOptIn() {
        assertFalse(ApiSettings.read(ConfigReader.of(Map.of())).propagateTraceContext());
        assertTrue(ApiSettings.read(ConfigReader.of(Map.of("passerine.api.propagate-trace-context", "true")))
                .propagateTraceContext());
        assertThrows(ConfigurationException.class, () -> ApiSettings.read(ConfigReader.of(
                Map.of("passerine.api.propagate-trace-context", "yes"))));
    }
}
