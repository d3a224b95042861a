package io.passerine.emulator.core;

import static io.passerine.emulator.core.Fixture.bearer;
import static io.passerine.emulator.core.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServiceTest {

    private final Fixture fx = new Fixture();
    private final ApiService api = fx.state.api();

    @Test
    void usersMeHasDataWrapper() {
        Reply me = api.usersMe(bearer(fx.login("tweet.read users.read").string("access_token")), Map.of());
        assertEquals(200, me.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) me.body().get("data");
        assertEquals("alice", data.get("username"));
        assertEquals(User.of("alice").id(), data.get("id"));
        assertEquals("300", me.headers().get("x-rate-limit-limit"));
        assertEquals("299", me.headers().get("x-rate-limit-remaining"));
    }

    @Test
    void usersMeNeedsScopesAndUserContext() {
        assertEquals(403, api.usersMe(bearer(fx.login("tweet.read").string("access_token")), Map.of()).status());
        Reply appOnly = api.usersMe(bearer(fx.appToken()), Map.of());
        assertEquals(403, appOnly.status());
        assertEquals("Unsupported Authentication", appOnly.string("title"));
    }

    @Test
    void unknownAndMissingTokens() {
        assertEquals(401, api.usersMe(bearer("nope"), Map.of()).status());
        assertEquals(401, api.usersMe(null, Map.of()).status());
    }

    @Test
    void tweetLookupListsUnknownIdsAsErrors() {
        Reply r = api.lookupTweets(bearer(fx.appToken()), ids("1261326399320715264,1278347468690915330,42"));
        assertEquals(200, r.status());
        assertEquals(2, ((List<?>) r.body().get("data")).size());
        assertEquals(1, ((List<?>) r.body().get("errors")).size());
        assertEquals(400, api.lookupTweets(bearer(fx.appToken()), ids("abc")).status());
    }

    @Test
    void postTweetNeedsTweetWriteAndIsFoundAfterwards() {
        String readOnly = fx.login("tweet.read users.read").string("access_token");
        assertEquals(403, api.createTweet(bearer(readOnly), PostBody.text("hello")).status());
        String writer = fx.login("tweet.read tweet.write users.read").string("access_token");
        Reply created = api.createTweet(bearer(writer), PostBody.text("hello"));
        assertEquals(201, created.status());
        @SuppressWarnings("unchecked")
        String id = ((Map<String, Object>) created.body().get("data")).get("id").toString();
        assertEquals(200, api.lookupTweets(bearer(writer), ids(id)).status());
        assertFalse(api.lookupTweets(bearer(writer), ids(id)).body().containsKey("errors"));
        assertEquals(400, api.createTweet(bearer(writer), PostBody.text(null)).status());
        assertEquals(403, api.createTweet(bearer(fx.appToken()), PostBody.text("hi")).status());
    }

    @Test
    void rateLimitGives429WithResetHeader() {
        fx.state.reconfigure(Map.of("rateLimit", 2));
        String token = fx.appToken();
        api.lookupTweets(bearer(token), ids("1261326399320715264"));
        Reply second = api.lookupTweets(bearer(token), ids("1261326399320715264"));
        assertEquals("0", second.headers().get("x-rate-limit-remaining"));
        Reply third = api.lookupTweets(bearer(token), ids("1261326399320715264"));
        assertEquals(429, third.status());
        assertEquals("Too Many Requests", third.string("title"));
        assertEquals("about:blank", third.string("type"));
        long reset = fx.state.clock().instant().plus(Duration.ofMinutes(15)).getEpochSecond();
        assertEquals(Long.toString(reset), third.headers().get("x-rate-limit-reset"));
        fx.advance(900);
        assertEquals(200, api.lookupTweets(bearer(token), ids("1261326399320715264")).status());
    }

    @Test
    void userAndAppPoolsAreSeparate() {
        fx.state.reconfigure(Map.of("rateLimit", 1));
        String app = fx.appToken();
        String user = fx.login("tweet.read users.read").string("access_token");
        assertEquals(200, api.lookupTweets(bearer(app), ids("1261326399320715264")).status());
        assertEquals(200, api.lookupTweets(bearer(user), ids("1261326399320715264")).status());
        assertEquals(429, api.lookupTweets(bearer(app), ids("1261326399320715264")).status());
    }
}
