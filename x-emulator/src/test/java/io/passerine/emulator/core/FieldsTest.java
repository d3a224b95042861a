package io.passerine.emulator.core;

import static io.passerine.emulator.core.Fixture.APP_BASIC;
import static io.passerine.emulator.core.Fixture.bearer;
import static io.passerine.emulator.core.Fixture.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twitter.clientlib.model.Get2TweetsResponse;
import com.twitter.clientlib.model.Get2UsersMeResponse;
import com.twitter.clientlib.model.InvalidRequestProblem;
import com.twitter.clientlib.model.InvalidRequestProblemAllOfErrors;
import com.twitter.clientlib.model.Tweet;
import com.twitter.clientlib.model.User;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tweet.fields}, {@code user.fields}, {@code expansions} and the other query parameters, as X documents them. */
class FieldsTest {

    static final String KNOWN = XShapesTest.KNOWN;
    /** The values X's Java SDK 2.0.3 offers (its {@code *FieldsAll} sets): all must be accepted. */
    static final String SDK_TWEET_FIELDS = "attachments,author_id,context_annotations,conversation_id,created_at,"
            + "edit_controls,edit_history_tweet_ids,entities,geo,id,in_reply_to_user_id,lang,non_public_metrics,"
            + "organic_metrics,possibly_sensitive,promoted_metrics,public_metrics,referenced_tweets,reply_settings,"
            + "source,text,withheld";
    static final String SDK_USER_FIELDS = "created_at,description,entities,id,location,name,pinned_tweet_id,"
            + "profile_image_url,protected,public_metrics,url,username,verified,withheld";
    static final String SDK_EXPANSIONS = "attachments.media_keys,attachments.poll_ids,author_id,"
            + "edit_history_tweet_ids,entities.mentions.username,geo.place_id,in_reply_to_user_id,referenced_tweets.id,"
            + "referenced_tweets.id.author_id";

    private final Fixture fx = new Fixture();
    private final ApiService api = fx.state.api();
    private final String app = fx.state.appOnly().token(Map.of("grant_type", "client_credentials"), APP_BASIC)
            .string("access_token");

    @Test
    void requestedTweetFieldsAreAddedToTheDefaults() {
        Reply r = api.lookupTweets(bearer(app), query("ids", KNOWN, "tweet.fields", "created_at,author_id,"
                + "public_metrics,edit_controls"));
        Tweet t = XSdk.success(r, Get2TweetsResponse.class).getData().get(0);
        assertEquals("2244994945", t.getAuthorId());
        assertEquals(OffsetDateTime.parse("2020-05-15T16:03:42.000Z"), t.getCreatedAt(), "from the snowflake id");
        assertEquals(0, t.getPublicMetrics().getLikeCount());
        assertEquals(List.of(KNOWN), t.getEditHistoryTweetIds());
        assertNull(t.getLang(), "not requested");
    }

    @Test
    void authorExpansionIncludesTheUserWithItsRequestedFields() {
        Reply r = api.lookupTweets(bearer(app), query("ids", KNOWN + ",1278347468690915330",
                "expansions", "author_id", "user.fields", "created_at,verified"));
        Get2TweetsResponse parsed = XSdk.success(r, Get2TweetsResponse.class);
        List<User> users = parsed.getIncludes().getUsers();
        assertEquals(List.of("XDevelopers", "X"), users.stream().map(User::getUsername).toList());
        assertEquals(false, users.get(0).getVerified());
        assertNull(parsed.getData().get(0).getAuthorId(), "an expansion does not add the field to the tweet");
        assertFalse(XSdk.json(api.lookupTweets(bearer(app), query("ids", KNOWN))).contains("includes"));
    }

    @Test
    void usersMeTakesUserFields() {
        String user = fx.login("tweet.read users.read").string("access_token");
        User me = XSdk.success(api.usersMe(bearer(user), query("user.fields", "public_metrics,protected")),
                Get2UsersMeResponse.class).getData();
        assertEquals(0, me.getPublicMetrics().getFollowersCount());
        assertEquals(false, me.getProtected());
        assertNull(me.getCreatedAt());
    }

    @Test
    void everyValueTheSdkOffersIsAccepted() {
        Reply r = api.lookupTweets(bearer(app), query("ids", KNOWN, "tweet.fields", SDK_TWEET_FIELDS,
                "user.fields", SDK_USER_FIELDS, "expansions", SDK_EXPANSIONS,
                "media.fields", "alt_text,duration_ms,height,media_key,non_public_metrics,organic_metrics,"
                        + "preview_image_url,promoted_metrics,public_metrics,type,url,variants,width",
                "poll.fields", "duration_minutes,end_datetime,id,options,voting_status",
                "place.fields", "contained_within,country,country_code,full_name,geo,id,name,place_type"));
        assertEquals(200, r.status(), () -> XSdk.json(r));
        XSdk.success(r, Get2TweetsResponse.class);
        String user = fx.login("tweet.read users.read").string("access_token");
        Reply me = api.usersMe(bearer(user), query("user.fields", SDK_USER_FIELDS, "expansions", "pinned_tweet_id",
                "tweet.fields", SDK_TWEET_FIELDS));
        assertEquals(200, me.status(), () -> XSdk.json(me));
        XSdk.success(me, Get2UsersMeResponse.class);
    }

    @Test
    void unknownFieldIsXsInvalidRequestNamingTheValueAndTheList() {
        Reply r = api.lookupTweets(bearer(app), query("ids", KNOWN, "tweet.fields", "id,bogus"));
        InvalidRequestProblemAllOfErrors e = XSdk.problem(r, 400, InvalidRequestProblem.class).getErrors().get(0);
        assertTrue(e.getMessage().startsWith("The `tweet.fields` query parameter value [bogus] is not one of ["
                + "article,attachments,author_id,"), e.getMessage());
        assertEquals(Map.of("tweet.fields", List.of("id,bogus")), e.getParameters());
        String user = fx.login("tweet.read users.read").string("access_token");
        InvalidRequestProblemAllOfErrors me = XSdk.problem(api.usersMe(bearer(user), query("expansions", "author_id")),
                400, InvalidRequestProblem.class).getErrors().get(0);
        assertEquals("The `expansions` query parameter value [author_id] is not one of [affiliation.user_id,"
                + "most_recent_tweet_id,pinned_tweet_id]", me.getMessage());
    }

    @Test
    void unknownRepeatedAndMissingParametersAreAllReportedAtOnce() {
        Reply r = api.lookupTweets(bearer(app), query("foo", "1", "tweet.fields", "id", "tweet.fields", "text"));
        List<InvalidRequestProblemAllOfErrors> errors = XSdk.problem(r, 400, InvalidRequestProblem.class).getErrors();
        assertEquals(List.of("The query parameter [foo] is not one of [ids,expansions,tweet.fields,media.fields,"
                        + "poll.fields,place.fields,user.fields]",
                "Duplicate parameters are not allowed: the `tweet.fields` query parameter",
                "The `ids` query parameter can not be empty"),
                errors.stream().map(InvalidRequestProblemAllOfErrors::getMessage).toList());
        String many = String.join(",", java.util.Collections.nCopies(101, KNOWN));
        assertEquals("The number of values in the `ids` query parameter list [101] is not between 1 and 100",
                XSdk.problem(api.lookupTweets(bearer(app), query("ids", many)), 400, InvalidRequestProblem.class)
                        .getErrors().get(0).getMessage());
    }

    @Test
    void editHistoryExpansionIncludesTheTweet() {
        Reply r = api.tweetById(bearer(app), KNOWN, query("expansions", "edit_history_tweet_ids"));
        assertTrue(XSdk.json(r).contains("\"includes\":{\"tweets\":[{\"id\":\"" + KNOWN + "\""), XSdk.json(r));
    }
}
