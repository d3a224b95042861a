package io.passerine.emulator.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an emulated endpoint answers: status, a JSON-able body (maps, lists, strings, numbers, booleans) and headers.
 * The web layer serialises it; unit tests inspect it directly.
 */
public record Reply(int status, Map<String, Object> body, Map<String, String> headers) {

    /** The header naming the body's media type when it is not {@code application/json}. */
    public static final String CONTENT_TYPE = "Content-Type";

    public Reply {
        headers = new LinkedHashMap<>(headers);
    }

    public static Reply of(int status, Map<String, Object> body) {
        return new Reply(status, body, Map.of());
    }

    /** A copy with one more header. */
    public Reply withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new Reply(status, body, all);
    }

    /** An ordered map from alternating keys and values, for building JSON bodies. */
    public static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** RFC 6749 style error, as X's {@code /2/oauth2/*} endpoints return it. */
    public static Reply oauthError(int status, String error, String description) {
        return of(status, json("error", error, "error_description", description));
    }

    /** v1.1 style {@code {"errors":[{"code":..,"message":..}]}}. */
    public static Reply v1Error(int status, int code, String message) {
        return of(status, json("errors", List.of(json("code", code, "message", message))));
    }

    /** 401 code 89 of the v1.1-era {@code /oauth2/*} endpoints (the v2 API answers {@link Problems#unauthorized()}). */
    public static Reply invalidToken() {
        return v1Error(401, 89, "Invalid or expired token");
    }

    /** A body value as a string (test helper and web helper). */
    public String string(String key) {
        Object v = body.get(key);
        return v == null ? null : v.toString();
    }
}
