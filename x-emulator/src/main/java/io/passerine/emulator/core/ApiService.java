package io.passerine.emulator.core;

import static io.passerine.emulator.core.Reply.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * X API v2 endpoints: {@code GET /2/users/me}, {@code GET /2/tweets?ids=}, {@code GET /2/tweets/:id},
 * {@code POST /2/tweets}, in X's shapes (Tweet objects with {@code edit_history_tweet_ids}, errors as
 * {@link Problems}). Order of checks: token (401), rate limit per pool and endpoint (429, headers on every later
 * answer), token kind and scopes (403), parameters (400). Unknown tweets are resource errors of a 200, as on X.
 */
public final class ApiService {

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

    /** {@code GET /2/users/me} with its query parameters (each with every value sent). */
    public Reply usersMe(String authorization, Map<String, List<String>> query) {
        return call("GET /2/users/me", authorization, c -> {
            Reply denied = userContext(c, "tweet.read", "users.read");
            if (denied != null) {
                return denied;
            }
            ApiQuery.Checked q = ApiQuery.check(ApiQuery.Endpoint.USERS_ME, query, null);
            return q.error() != null ? q.error()
                    : Reply.of(200, json("data", Views.user(c.grant.user(), q.fields())));
        });
    }

    /** {@code GET /2/tweets?ids=}: found tweets in {@code data}, unknown ids as errors of the same 200. */
    public Reply lookupTweets(String authorization, Map<String, List<String>> query) {
        return call("GET /2/tweets", authorization, c -> read(c, ApiQuery.check(ApiQuery.Endpoint.TWEETS, query, null),
                "ids", true));
    }

    /** {@code GET /2/tweets/:id}: the tweet as {@code data}, or a 200 with only a not-found error. */
    public Reply tweetById(String authorization, String id, Map<String, List<String>> query) {
        return call("GET /2/tweets/:id", authorization, c -> read(c, ApiQuery.check(ApiQuery.Endpoint.TWEET, query, id),
                "id", false));
    }

    /** {@code POST /2/tweets}: 201 with the new tweet's default fields. */
    public Reply createTweet(String authorization, PostBody body) {
        return call("POST /2/tweets", authorization, c -> {
            Reply denied = userContext(c, "tweet.read", "tweet.write", "users.read");
            if (denied != null) {
                return denied;
            }
            Reply invalid = invalidPost(body);
            if (invalid != null) {
                return invalid;
            }
            if (body.text().codePointCount(0, body.text().length()) > 280) {
                return Problems.textTooLong();
            }
            TweetCorpus.Tweet t = tweets.post(body.text(), c.grant.user());
            return Reply.of(201, json("data", Views.tweet(t, Fields.DEFAULTS)));
        });
    }

    private Reply read(Caller c, ApiQuery.Checked q, String parameter, boolean list) {
        Reply denied = c.grant == null ? null : scopes(c, "tweet.read", "users.read");
        if (denied != null || q.error() != null) {
            return denied != null ? denied : q.error();
        }
        List<TweetCorpus.Tweet> found = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        for (String id : q.ids()) {
            Optional<TweetCorpus.Tweet> t = tweets.find(id);
            t.ifPresentOrElse(found::add, () -> errors.add(Problems.notFound("tweet", parameter, id)));
        }
        Map<String, Object> body = json();
        if (!found.isEmpty()) {
            List<Object> data = found.stream().map(t -> (Object) Views.tweet(t, q.fields())).toList();
            body.put("data", list ? data : data.get(0));
            Map<String, Object> includes = Views.includes(found, q.fields());
            if (includes != null) {
                body.put("includes", includes);
            }
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return Reply.of(200, body);
    }

    private static Reply invalidPost(PostBody body) {
        String problem = null;
        if (!body.json()) {
            problem = "Requests with bodies must have content-type of application/json.";
        } else if (!body.object()) {
            problem = "$: must be a JSON object";
        } else {
            problem = body.members().stream().filter(m -> !PostBody.KNOWN.contains(m)).findFirst()
                    .map(m -> "$." + m + ": is not defined in the schema and the schema does not allow additional"
                            + " properties").orElse(null);
        }
        if (problem == null && (body.text() == null || body.text().isEmpty())) {
            problem = "$.text: must not be empty";
        }
        return problem == null ? null : Problems.invalidRequest(List.of(Problems.parameterError(null, null, problem)));
    }

    private Reply call(String endpoint, String authorization, Function<Caller, Reply> handler) {
        String token = BasicAuth.bearer(authorization);
        Caller caller = token == null ? null : userTokens.lookup(token).map(g -> new Caller(g, null))
                .or(() -> appTokens.appOf(token).map(a -> new Caller(null, a)))
                .orElse(null);
        if (caller == null) {
            return Problems.unauthorized();
        }
        Settings s = settings.get();
        RateLimiter.Decision d = limiter.hit(caller.pool() + " " + endpoint, s.rateLimit(), s.rateLimitWindow());
        Reply reply = d.allowed() ? handler.apply(caller) : Problems.tooManyRequests();
        return reply.withHeaders(d.headers());
    }

    /** 403 unless the caller is a user whose grant holds {@code scopes}. */
    private static Reply userContext(Caller c, String... scopes) {
        return c.grant == null ? Problems.unsupportedAuthentication() : scopes(c, scopes);
    }

    private static Reply scopes(Caller c, String... scopes) {
        for (String s : scopes) {
            if (!c.grant.scopes().contains(s)) {
                return Problems.forbidden();
            }
        }
        return null;
    }
}
