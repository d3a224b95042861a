package io.passerine.emulator.core;

import static io.passerine.emulator.core.Fixture.bearer;
import static io.passerine.emulator.core.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twitter.clientlib.model.GenericProblem;
import com.twitter.clientlib.model.Get2TweetsIdResponse;
import com.twitter.clientlib.model.Get2TweetsResponse;
import com.twitter.clientlib.model.Get2UsersMeResponse;
import com.twitter.clientlib.model.InvalidRequestProblem;
import com.twitter.clientlib.model.ResourceNotFoundProblem;
import com.twitter.clientlib.model.Tweet;
import com.twitter.clientlib.model.TweetCreateResponse;
import com.twitter.clientlib.model.UnsupportedAuthenticationProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer of the emulator's v2 API in X's own shapes, X's SDK as the oracle (issue 19). */
class XShapesTest {

    static final String KNOWN = "1261326399320715264";

    private final Fixture fx = new Fixture();
    private final ApiService api = fx.state.api();

    @Test
    void tweetsCarryTheirEditHistoryByDefault() {
        Get2TweetsResponse r = XSdk.success(api.lookupTweets(bearer(fx.appToken()), ids(KNOWN)),
                Get2TweetsResponse.class);
        Tweet t = r.getData().get(0);
        assertEquals(KNOWN, t.getId());
        assertEquals(List.of(KNOWN), t.getEditHistoryTweetIds());
        assertNull(t.getAuthorId(), "author_id is not a default field");
    }

    @Test
    void unknownTweetsAreResourceNotFoundErrorsBesideTheData() {
        Get2TweetsResponse r = XSdk.success(api.lookupTweets(bearer(fx.appToken()), ids(KNOWN + ",42")),
                Get2TweetsResponse.class);
        assertEquals(1, r.getData().size());
        ResourceNotFoundProblem p = (ResourceNotFoundProblem) r.getErrors().get(0);
        assertEquals("42", p.getResourceId());
        assertEquals("ids", p.getParameter());
        assertEquals("Not Found Error", p.getTitle());
        assertEquals("Could not find tweet with ids: [42].", p.getDetail());
    }

    @Test
    void createdTweetParsesAndCarriesItsEditHistory() {
        String writer = fx.login("tweet.read tweet.write users.read").string("access_token");
        Reply created = api.createTweet(bearer(writer), PostBody.text("hello"));
        assertEquals(201, created.status());
        TweetCreateResponse r = XSdk.success(created, TweetCreateResponse.class);
        assertEquals("hello", r.getData().getText());
        assertTrue(XSdk.json(created).contains("\"edit_history_tweet_ids\":[\"" + r.getData().getId() + "\"]"),
                XSdk.json(created));
    }

    @Test
    void usersMeParses() {
        Reply me = api.usersMe(bearer(fx.login("tweet.read users.read").string("access_token")), Map.of());
        assertEquals("alice", XSdk.success(me, Get2UsersMeResponse.class).getData().getUsername());
    }

    @Test
    void badTokenIsXsUnauthorizedProblem() {
        for (Reply r : List.of(api.usersMe(bearer("nope"), Map.of()), api.usersMe(null, Map.of()),
                api.lookupTweets(bearer("nope"), ids(KNOWN)), api.createTweet("Basic abc", PostBody.text("x")))) {
            GenericProblem p = XSdk.problem(r, 401, GenericProblem.class);
            assertEquals("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
                    + "\"detail\":\"Unauthorized\"}", XSdk.json(r));
            assertEquals(401, p.getStatus());
            assertEquals("application/problem+json", r.headers().get("Content-Type"));
        }
    }

    @Test
    void revokedUserTokenIsXsUnauthorizedProblem() {
        String at = fx.login("tweet.read users.read").string("access_token");
        fx.state.oauth().revoke(new java.util.HashMap<>(Map.of("token", at)), Fixture.BASIC);
        assertEquals("Unauthorized", XSdk.problem(api.usersMe(bearer(at), Map.of()), 401, GenericProblem.class).getTitle());
    }

    @Test
    void appOnlyTokenOnUserEndpointsIsUnsupportedAuthentication() {
        String app = fx.appToken();
        for (Reply r : List.of(api.usersMe(bearer(app), Map.of()), api.createTweet(bearer(app), PostBody.text("hi")))) {
            UnsupportedAuthenticationProblem p = XSdk.problem(r, 403, UnsupportedAuthenticationProblem.class);
            assertEquals("Unsupported Authentication", p.getTitle());
            assertEquals("https://api.twitter.com/2/problems/unsupported-authentication", p.getType());
            assertEquals("Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported"
                    + " authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].", p.getDetail());
            assertEquals(403, p.getStatus());
        }
    }

    @Test
    void missingScopeIsXsForbiddenProblem() {
        Reply r = api.createTweet(bearer(fx.login("tweet.read users.read").string("access_token")), PostBody.text("hi"));
        XSdk.problem(r, 403, GenericProblem.class);
        assertEquals("{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,\"detail\":\"Forbidden\"}",
                XSdk.json(r));
    }

    @Test
    void rateLimitIsXsTooManyRequestsProblem() {
        fx.state.reconfigure(Map.of("rateLimit", 1));
        String token = fx.appToken();
        api.lookupTweets(bearer(token), ids(KNOWN));
        Reply r = api.lookupTweets(bearer(token), ids(KNOWN));
        GenericProblem p = XSdk.problem(r, 429, GenericProblem.class);
        assertEquals("Too Many Requests", p.getTitle());
        assertEquals("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\","
                + "\"status\":429}", XSdk.json(r));
        assertEquals("0", r.headers().get("x-rate-limit-remaining"));
    }

    @Test
    void badIdsAreXsInvalidRequestProblem() {
        Reply r = api.lookupTweets(bearer(fx.appToken()), ids("abc"));
        InvalidRequestProblem p = XSdk.problem(r, 400, InvalidRequestProblem.class);
        assertEquals("Invalid Request", p.getTitle());
        assertEquals("One or more parameters to your request was invalid.", p.getDetail());
        assertEquals("The `ids` query parameter value [abc] is not valid", p.getErrors().get(0).getMessage());
        assertEquals(Map.of("ids", List.of("abc")), p.getErrors().get(0).getParameters());
    }

    @Test
    void tweetByIdIsDataOrA200WithOnlyTheNotFoundError() {
        String app = fx.appToken();
        Get2TweetsIdResponse found = XSdk.success(api.tweetById(bearer(app), KNOWN, Map.of()),
                Get2TweetsIdResponse.class);
        assertEquals(List.of(KNOWN), found.getData().getEditHistoryTweetIds());
        Reply unknown = api.tweetById(bearer(app), "42", Map.of());
        assertEquals(200, unknown.status());
        Get2TweetsIdResponse r = XSdk.success(unknown, Get2TweetsIdResponse.class);
        assertNull(r.getData());
        ResourceNotFoundProblem p = (ResourceNotFoundProblem) r.getErrors().get(0);
        assertEquals("Could not find tweet with id: [42].", p.getDetail());
        assertEquals("id", p.getParameter());
        InvalidRequestProblem bad = XSdk.problem(api.tweetById(bearer(app), "abc", Map.of()), 400,
                InvalidRequestProblem.class);
        assertEquals("The `id` query parameter value [abc] is not valid", bad.getErrors().get(0).getMessage());
    }

    @Test
    void postsThatAreNotJsonObjectsWithKnownMembersAreInvalidRequests() {
        String writer = fx.login("tweet.read tweet.write users.read").string("access_token");
        InvalidRequestProblem form = XSdk.problem(api.createTweet(bearer(writer),
                new PostBody(false, false, java.util.Set.of(), null)), 400, InvalidRequestProblem.class);
        assertEquals("Requests with bodies must have content-type of application/json.",
                form.getErrors().get(0).getMessage());
        InvalidRequestProblem extra = XSdk.problem(api.createTweet(bearer(writer),
                new PostBody(true, true, java.util.Set.of("text", "status"), "hi")), 400, InvalidRequestProblem.class);
        assertEquals("$.status: is not defined in the schema and the schema does not allow additional properties",
                extra.getErrors().get(0).getMessage());
        GenericProblem tooLong = XSdk.problem(api.createTweet(bearer(writer), PostBody.text("x".repeat(281))), 403,
                GenericProblem.class);
        assertTrue(tooLong.getDetail().startsWith("Your Tweet text is too long."), tooLong.getDetail());
        assertEquals(201, api.createTweet(bearer(writer), PostBody.text("\uD83E\uDD41".repeat(280))).status());
    }
}
