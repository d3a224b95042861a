package io.passerine.emulator.core;

import static io.passerine.emulator.core.Reply.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * X API v2 endpoints: {@code GET /2/users/me}, {@code GET /2/tweets?ids=}, {@code POST /2/tweets}. Order of checks:
 * token (401), rate limit per pool and endpoint (429, headers on every later answer), token kind and scopes (403).
 */
public final class ApiService {

    private static final String PROBLEMS = "https://api.x.com/2/problems/";

    /** Who calls: exactly one of grant (user context) and appKey (app-only). */
    private record Caller(TokenStore.Grant grant, String appKey) {
        String pool() {
            return grant != null ? "user:" + grant.clientId() + ":" + grant.user().id() : "app:" + appKey;
        }
    }

    private final TokenStore userTokens;
    private final AppTokenStore appTokens;
    private final RateLimiter limiter;
    private final TweetCorpus tweets;
    private final Supplier<Settings> settings;

    public ApiService(TokenStore userTokens, AppTokenStore appTokens, RateLimiter limiter, TweetCorpus tweets,
                      Supplier<Settings> settings) {
        this.userTokens = userTokens;
        this.appTokens = appTokens;
        this.limiter = limiter;
        this.tweets = tweets;
        this.settings = settings;
    }

    public Reply usersMe(String authorization) {
        return call("GET /2/users/me", authorization, c -> {
            if (c.grant == null) {
                return appOnlyForbidden();
            }
            Reply missing = requireScopes(c, "tweet.read", "users.read");
            if (missing != null) {
                return missing;
            }
            User u = c.grant.user();
            return Reply.of(200, json("data", json("id", u.id(), "name", u.name(), "username", u.username())));
        });
    }

    public Reply lookupTweets(String authorization, String ids) {
        return call("GET /2/tweets", authorization, c -> {
            Reply missing = c.grant == null ? null : requireScopes(c, "tweet.read", "users.read");
            if (missing != null) {
                return missing;
            }
            List<String> list = ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
            if (list.isEmpty() || list.size() > 100 || !list.stream().allMatch(s -> s.matches("[0-9]{1,19}"))) {
                return invalidRequest("The `ids` query parameter value [" + (ids == null ? "" : ids)
                        + "] is not valid: give 1 to 100 comma-separated numeric tweet ids.");
            }
            List<Object> data = new ArrayList<>();
            List<Object> errors = new ArrayList<>();
            for (String id : list) {
                Optional<TweetCorpus.Tweet> t = tweets.find(id);
                if (t.isPresent()) {
                    data.add(t.get().toJson());
                } else {
                    errors.add(json("value", id, "detail", "Could not find tweet with ids: [" + id + "].",
                            "title", "Not Found Error", "resource_type", "tweet", "parameter", "ids",
                            "resource_id", id, "type", PROBLEMS + "resource-not-found"));
                }
            }
            Map<String, Object> body = json();
            if (!data.isEmpty()) {
                body.put("data", data);
            }
            if (!errors.isEmpty()) {
                body.put("errors", errors);
            }
            return Reply.of(200, body);
        });
    }

    public Reply createTweet(String authorization, String text) {
        return call("POST /2/tweets", authorization, c -> {
            if (c.grant == null) {
                return appOnlyForbidden();
            }
            Reply missing = requireScopes(c, "tweet.read", "tweet.write", "users.read");
            if (missing != null) {
                return missing;
            }
            if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > 280) {
                return invalidRequest("text must be 1 to 280 characters");
            }
            TweetCorpus.Tweet t = tweets.post(text, c.grant.user().id());
            return Reply.of(201, json("data", json("id", t.id(), "text", t.text())));
        });
    }

    private Reply call(String endpoint, String authorization, Function<Caller, Reply> handler) {
        String token = BasicAuth.bearer(authorization);
        if (token == null) {
            return Reply.problem(401, "Unauthorized", "Unauthorized", "about:blank");
        }
        Caller caller = userTokens.lookup(token).map(g -> new Caller(g, null))
                .or(() -> appTokens.appOf(token).map(a -> new Caller(null, a)))
                .orElse(null);
        if (caller == null) {
            return Reply.invalidToken();
        }
        Settings s = settings.get();
        RateLimiter.Decision d = limiter.hit(caller.pool() + " " + endpoint, s.rateLimit(), s.rateLimitWindow());
        Reply reply = d.allowed() ? handler.apply(caller)
                : Reply.of(429, json("title", "Too Many Requests", "detail", "Too Many Requests",
                        "type", PROBLEMS + "rate-limit-exceeded"));
        return reply.withHeaders(d.headers());
    }

    private static Reply requireScopes(Caller c, String... scopes) {
        List<String> missing = new ArrayList<>();
        for (String s : scopes) {
            if (!c.grant.scopes().contains(s)) {
                missing.add(s);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return Reply.of(403, json("title", "Forbidden", "type", PROBLEMS + "client-forbidden", "status", 403,
                "detail", "Missing required OAuth 2.0 scopes: " + String.join(", ", missing)));
    }

    private static Reply appOnlyForbidden() {
        return Reply.of(403, json(
                "errors", List.of(json("code", 220, "message", "Your credentials do not allow access to this resource.")),
                "title", "Unsupported Authentication", "type", PROBLEMS + "unsupported-authentication", "status", 403,
                "detail", "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported"
                        + " authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context]."));
    }

    private static Reply invalidRequest(String message) {
        return Reply.of(400, json("errors", List.of(json("message", message)), "title", "Invalid Request",
                "detail", "One or more parameters to your request was invalid.", "type", PROBLEMS + "invalid-request"));
    }
}
