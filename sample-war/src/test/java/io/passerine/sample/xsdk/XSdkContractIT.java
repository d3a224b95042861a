package io.passerine.sample.xsdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twitter.clientlib.ApiException;
import com.twitter.clientlib.api.TwitterApi;
import com.twitter.clientlib.model.GenericProblem;
import com.twitter.clientlib.model.Get2TweetsIdResponse;
import com.twitter.clientlib.model.Get2TweetsResponse;
import com.twitter.clientlib.model.InvalidRequestProblem;
import com.twitter.clientlib.model.Problem;
import com.twitter.clientlib.model.ResourceNotFoundProblem;
import com.twitter.clientlib.model.Tweet;
import com.twitter.clientlib.model.TweetCreateRequest;
import com.twitter.clientlib.model.TweetCreateResponse;
import com.twitter.clientlib.model.UnsupportedAuthenticationProblem;
import com.twitter.clientlib.model.User;
import io.passerine.sample.SampleDeployments;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The emulator's API against X's official Java SDK (2.0.3), pointed at {@code -Demulator.base.url}: every endpoint
 * the emulator serves and every error it answers must parse into the SDK's models, errors into an
 * {@link ApiException} with X's status and problem. The emulator's call counts show each call reached it.
 * (The deployment only keeps the server, and so the emulator, running.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XSdkContractIT {

    static final String KNOWN = "1261326399320715264";
    static final String OTHER = "1278347468690915330";

    @Deployment(testable = false)
    static WebArchive anchor() {
        return SampleDeployments.builtSample();
    }

    private final XEmulator x = new XEmulator();

    @BeforeEach
    void reset() {
        x.control.reset();
    }

    @Test
    void tweetsLookupParsesWithUnknownIdsAsNotFoundErrors() throws Exception {
        Get2TweetsResponse r = XSdk.appOnly(XEmulator.BASE, x.appToken()).tweets()
                .findTweetsById(List.of(KNOWN, "7", OTHER)).execute();
        assertEquals(List.of(KNOWN, OTHER), r.getData().stream().map(Tweet::getId).toList());
        assertEquals(List.of(KNOWN), r.getData().get(0).getEditHistoryTweetIds());
        ResourceNotFoundProblem missing = assertInstanceOf(ResourceNotFoundProblem.class, r.getErrors().get(0));
        assertEquals("7", missing.getResourceId());
        assertEquals(1, x.control.calls("/2/tweets"));
    }

    @Test
    void tweetByIdParsesWithFieldsAndExpansions() throws Exception {
        TwitterApi sdk = XSdk.user(XEmulator.BASE, x.userToken("sdk_reader", "tweet.read users.read"));
        Get2TweetsIdResponse r = sdk.tweets().findTweetById(KNOWN).tweetFields(Set.of("created_at", "author_id"))
                .expansions(Set.of("author_id")).userFields(Set.of("verified")).execute();
        assertEquals("2244994945", r.getData().getAuthorId());
        assertEquals(2020, r.getData().getCreatedAt().getYear());
        User author = r.getIncludes().getUsers().get(0);
        assertEquals("XDevelopers", author.getUsername());
        assertEquals(false, author.getVerified());
        assertEquals(1, x.control.calls("/2/tweets/" + KNOWN));
    }

    @Test
    void unknownTweetByIdIsA200WithOnlyTheNotFoundError() throws Exception {
        Get2TweetsIdResponse r = XSdk.appOnly(XEmulator.BASE, x.appToken()).tweets().findTweetById("42").execute();
        assertNull(r.getData());
        ResourceNotFoundProblem p = assertInstanceOf(ResourceNotFoundProblem.class, r.getErrors().get(0));
        assertEquals("Could not find tweet with id: [42].", p.getDetail());
    }

    @Test
    void usersMeAndCreateTweetParse() throws Exception {
        TwitterApi sdk = XSdk.user(XEmulator.BASE, x.userToken("sdk_writer", "tweet.read tweet.write users.read"));
        User me = sdk.users().findMyUser().userFields(Set.of("public_metrics")).execute().getData();
        assertEquals("sdk_writer", me.getUsername());
        assertEquals(0, me.getPublicMetrics().getFollowersCount());
        TweetCreateResponse created = sdk.tweets().createTweet(new TweetCreateRequest().text("Hello from X's SDK"))
                .execute();
        String id = created.getData().getId();
        assertEquals("Hello from X's SDK", created.getData().getText());
        Tweet read = sdk.tweets().findTweetById(id).execute().getData();
        assertEquals(List.of(id), read.getEditHistoryTweetIds());
        assertEquals(1, x.control.calls("/2/tweets"), "the POST");
    }

    @Test
    void badTokenIs401UnauthorizedOnEveryEndpoint() {
        TwitterApi app = XSdk.appOnly(XEmulator.BASE, "not-a-token");
        TwitterApi user = XSdk.user(XEmulator.BASE, "not-a-token");
        for (Executable call : List.<Executable>of(() -> app.tweets().findTweetsById(List.of(KNOWN)).execute(),
                () -> app.tweets().findTweetById(KNOWN).execute(), () -> user.users().findMyUser().execute(),
                () -> user.tweets().createTweet(new TweetCreateRequest().text("x")).execute())) {
            GenericProblem p = problem(call, 401, GenericProblem.class);
            assertEquals("Unauthorized", p.getTitle());
            assertEquals(401, p.getStatus());
        }
        assertEquals(2, x.control.calls("/2/tweets"));
        assertEquals(1, x.control.calls("/2/users/me"));
    }

    @Test
    void appOnlyTokenOnUserEndpointsIs403UnsupportedAuthentication() {
        TwitterApi asApp = XSdk.user(XEmulator.BASE, x.appToken()); // the app's token sent where a user's belongs
        for (Executable call : List.<Executable>of(() -> asApp.users().findMyUser().execute(),
                () -> asApp.tweets().createTweet(new TweetCreateRequest().text("x")).execute())) {
            UnsupportedAuthenticationProblem p = problem(call, 403, UnsupportedAuthenticationProblem.class);
            assertEquals("https://api.twitter.com/2/problems/unsupported-authentication", p.getType());
        }
        TwitterApi reader = XSdk.user(XEmulator.BASE, x.userToken("sdk_scopes", "tweet.read users.read"));
        assertEquals("Forbidden", problem(() -> reader.tweets().createTweet(new TweetCreateRequest().text("x"))
                .execute(), 403, GenericProblem.class).getTitle(), "tweet.write not granted");
    }

    @Test
    void exhaustedWindowIs429TooManyRequestsWithXsHeaders() throws Exception {
        x.control.configure("{\"rateLimit\":1}");
        TwitterApi sdk = XSdk.appOnly(XEmulator.BASE, x.appToken());
        sdk.tweets().findTweetsById(List.of(KNOWN)).execute();
        ApiException e = assertThrows(ApiException.class, () -> sdk.tweets().findTweetsById(List.of(KNOWN)).execute());
        assertEquals(429, e.getCode());
        assertEquals("Too Many Requests", assertInstanceOf(GenericProblem.class, XSdk.problem(e)).getTitle());
        assertEquals(List.of("0"), e.getResponseHeaders().get("x-rate-limit-remaining"));
        long reset = Long.parseLong(e.getResponseHeaders().get("x-rate-limit-reset").get(0));
        assertTrue(reset > System.currentTimeMillis() / 1000, "a future epoch second, which the SDK's retry waits for");
        assertEquals(2, x.control.calls("/2/tweets"));
    }

    @Test
    void badIdsAndUnknownFieldsAre400InvalidRequest() {
        TwitterApi sdk = XSdk.appOnly(XEmulator.BASE, x.appToken());
        InvalidRequestProblem ids = problem(() -> sdk.tweets().findTweetsById(List.of("abc")).execute(), 400,
                InvalidRequestProblem.class);
        assertEquals("The `ids` query parameter value [abc] is not valid", ids.getErrors().get(0).getMessage());
        InvalidRequestProblem id = problem(() -> sdk.tweets().findTweetById("abc").execute(), 400,
                InvalidRequestProblem.class);
        assertEquals("The `id` query parameter value [abc] is not valid", id.getErrors().get(0).getMessage());
        InvalidRequestProblem field = problem(() -> sdk.tweets().findTweetById(KNOWN)
                .tweetFields(Set.of("bogus")).execute(), 400, InvalidRequestProblem.class);
        assertTrue(field.getErrors().get(0).getMessage().startsWith("The `tweet.fields` query parameter value [bogus]"
                + " is not one of ["), field.getErrors().get(0).getMessage());
    }

    /** {@code call} fails with an {@link ApiException} of {@code status} whose parsed problem is a {@code type}. */
    static <P extends Problem> P problem(Executable call, int status, Class<P> type) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(status, e.getCode(), e::getResponseBody);
        return assertInstanceOf(type, XSdk.problem(e), e::getResponseBody);
    }
}
