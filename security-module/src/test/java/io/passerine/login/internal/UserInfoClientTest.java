package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.passerine.internal.http.HttpTimeouts;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import io.passerine.login.internal.FakeProvider.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The userinfo call ({@code GET /2/users/me}) and the RFC 6901 pointer that names the principal. */
class UserInfoClientTest {

    static final String ME = "{\"data\":{\"id\":\"2244994945\",\"name\":\"X Dev\",\"username\":\"XDevelopers\"}}";

    @Test
    void pointerFollowsRfc6901() throws Exception {
        Map<String, Object> doc = JSONObjectUtils.parse(
                "{\"a/b\":1,\"m~n\":\"t\",\"arr\":[\"x\",{\"k\":\"v\"}],\"\":\"empty\",\"data\":{\"id\":\"7\"}}");
        assertEquals("1", JsonPointer.text(doc, "/a~1b").orElseThrow());
        assertEquals("t", JsonPointer.text(doc, "/m~0n").orElseThrow());
        assertEquals("v", JsonPointer.text(doc, "/arr/1/k").orElseThrow());
        assertEquals("empty", JsonPointer.text(doc, "/").orElseThrow());
        assertEquals("7", JsonPointer.text(doc, "/data/id").orElseThrow());
        assertTrue(JsonPointer.text(doc, "/arr/9").isEmpty());
        assertTrue(JsonPointer.text(doc, "/data").isEmpty(), "an object is not a name");
        assertTrue(JsonPointer.get(doc, "").isPresent());
    }

    @Test
    void fetchesXsUserWithTheBearerToken() throws Exception {
        try (FakeProvider p = new FakeProvider().on("/2/users/me", c -> Reply.json(200, ME))) {
            UserInfo u = new UserInfoClient(p.uri("/2/users/me"), "/data/username", HttpTimeouts.DEFAULT)
                    .fetch("AT-7");
            assertEquals(new UserInfo("XDevelopers", "2244994945", "XDevelopers", "X Dev"), u);
            assertEquals("Bearer AT-7", p.calls.get(0).authorization());
        }
    }

    @Test
    void errorsAndGarbageAreProviderFailures() throws Exception {
        try (FakeProvider p = new FakeProvider().on("/2/users/me", c -> Reply.json(401,
                "{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\"}"))) {
            UserInfoClient client = new UserInfoClient(p.uri("/2/users/me"), "/data/username", HttpTimeouts.DEFAULT);
            assertEquals(Failure.REJECTED, assertThrows(ProviderException.class, () -> client.fetch("t")).failure());
            p.on("/2/users/me", c -> new Reply(200, "text/html", "<html/>"));
            assertEquals(Failure.MALFORMED_RESPONSE,
                    assertThrows(ProviderException.class, () -> client.fetch("t")).failure());
            p.on("/2/users/me", c -> Reply.json(200, "{\"data\":{}}"));
            assertEquals(Failure.MALFORMED_RESPONSE,
                    assertThrows(ProviderException.class, () -> client.fetch("t")).failure());
        }
    }

    @Test
    void displayTextIsCleanedAndAPrincipalWithHiddenCharactersIsRefused() throws Exception {
        Map<String, Object> doc = JSONObjectUtils.parse("{\"data\":{\"id\":\"42\",\"name\":\"Mallory\u202Eredoc\u2028x\","
                + "\"username\":\"mal\u2066lory\"}}");
        UserInfo u = UserInfoClient.map(doc, "/data/id").orElseThrow();
        assertEquals(new UserInfo("42", "42", "mallory", "Malloryredoc x"), u);
        assertTrue(UserInfoClient.map(doc, "/data/username").isEmpty(),
                "a principal that cleaning would change is no principal: two raw values must never become one name");
    }
}
