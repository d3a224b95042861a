package io.passerine.api.internal;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.List;

/**
 * Removes distributed-tracing headers (W3C Trace Context and Baggage, B3) from calls to X. Registered by Passerine's
 * bearer filters (unless {@code passerine.api.propagate-trace-context=true}) to run after every other request filter,
 * where a runtime-level OpenTelemetry instrumentation has already added them.
 */
public final class TraceContextGuard implements ClientRequestFilter {

    static final List<String> HEADERS = List.of("traceparent", "tracestate", "baggage", "b3", "X-B3-TraceId",
            "X-B3-SpanId", "X-B3-ParentSpanId", "X-B3-Sampled", "X-B3-Flags");

    @Override
    public void filter(ClientRequestContext request) {
        for (String h : HEADERS) {
            request.getHeaders().remove(h);
        }
    }
}
