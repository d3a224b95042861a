package io.passerine.emulator.core;

import static io.passerine.emulator.core.Reply.json;

import java.util.List;
import java.util.Map;

/**
 * X API v2 errors as X sends them: problem objects (RFC 7807 style, {@code title/type/status/detail}), with X's own
 * problem types under {@code https://api.twitter.com/2/problems/} (the host X still sends, and the only one X's Java
 * SDK maps), and the resource errors of a partial 200. The v1.1 envelope ({@code errors[].code}) is not used here:
 * it belongs to {@code /oauth2/token} and {@code /oauth2/invalidate_token} only.
 */
public final class Problems {

    /** Prefix of X's problem types. */
    public static final String TYPES = "https://api.twitter.com/2/problems/";
    /** The media type X's gateway sends its 401, 403 and 429 problems with. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** 401 for a missing, unknown, revoked or expired token. */
    public static Reply unauthorized() {
        return generic(401, "Unauthorized");
    }

    /** 403 for a user token without the endpoint's scopes. */
    public static Reply forbidden() {
        return generic(403, "Forbidden");
    }

    /** 403 for an app-only token on an endpoint that needs a user. */
    public static Reply unsupportedAuthentication() {
        return problemJson(Reply.of(403, json("title", "Unsupported Authentication",
                "detail", "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported"
                        + " authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
                "type", TYPES + "unsupported-authentication", "status", 403)));
    }

    /** 429 when the endpoint's window is used up. */
    public static Reply tooManyRequests() {
        return problemJson(Reply.of(429, json("title", "Too Many Requests", "detail", "Too Many Requests",
                "type", "about:blank", "status", 429)));
    }

    /** 403 for a post longer than 280 characters. */
    public static Reply textTooLong() {
        return problemJson(Reply.of(403, json("detail", "Your Tweet text is too long. For more information on how"
                        + " Twitter determines text length see https://github.com/twitter/twitter-text.",
                "type", "about:blank", "title", "Forbidden", "status", 403)));
    }

    /** 400 with one entry per invalid parameter (see {@link #parameterError}). */
    public static Reply invalidRequest(List<Map<String, Object>> errors) {
        return Reply.of(400, json("errors", errors, "title", "Invalid Request",
                "detail", "One or more parameters to your request was invalid.", "type", TYPES + "invalid-request"));
    }

    /** One entry of an invalid-request problem: the parameter's values as sent, and what is wrong. */
    public static Map<String, Object> parameterError(String parameter, List<String> values, String message) {
        return json("parameters", parameter == null ? Map.of() : Map.of(parameter, values), "message", message);
    }

    /** A resource error of a 200 answer: {@code id} (given as {@code parameter}) names no such resource. */
    public static Map<String, Object> notFound(String resourceType, String parameter, String id) {
        return json("value", id, "detail", "Could not find " + resourceType + " with " + parameter + ": [" + id + "].",
                "title", "Not Found Error", "resource_type", resourceType, "parameter", parameter,
                "resource_id", id, "type", TYPES + "resource-not-found");
    }

    private static Reply generic(int status, String title) {
        return problemJson(Reply.of(status, json("title", title, "type", "about:blank", "status", status,
                "detail", title)));
    }

    private static Reply problemJson(Reply reply) {
        return reply.withHeaders(Map.of(Reply.CONTENT_TYPE, PROBLEM_JSON));
    }
}
