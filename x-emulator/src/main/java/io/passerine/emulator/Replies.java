package io.passerine.emulator;

import io.passerine.emulator.core.Reply;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a core {@link Reply} into a JAX-RS response (JSON-B body, headers) and flattens form/query maps. */
final class Replies {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private Replies() {
    }

    static Response toResponse(Reply reply) {
        Response.ResponseBuilder b = Response.status(reply.status())
                .type(reply.headers().getOrDefault(Reply.CONTENT_TYPE, MediaType.APPLICATION_JSON))
                .entity(JSONB.toJson(reply.body()));
        reply.headers().forEach((name, value) -> {
            if (!Reply.CONTENT_TYPE.equals(name)) {
                b.header(name, value);
            }
        });
        return b.build();
    }

    /** Every query parameter with all its values, in the order sent (X rejects unknown and repeated ones). */
    static Map<String, List<String>> query(jakarta.ws.rs.core.UriInfo uri) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> m.put(k, List.copyOf(v)));
        return m;
    }

    static String json(Object value) {
        return JSONB.toJson(value);
    }

    /** First value of each parameter (X ignores repeats on these endpoints). */
    static Map<String, String> first(MultivaluedMap<String, String> params) {
        Map<String, String> m = new HashMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    m.put(k, v.get(0));
                }
            });
        }
        return m;
    }

    /** True when some parameter occurs more than once (RFC 6749 section 3.1 forbids it on authorize). */
    static boolean hasRepeats(MultivaluedMap<String, String> params) {
        return params.values().stream().mapToInt(List::size).anyMatch(n -> n > 1);
    }
}
