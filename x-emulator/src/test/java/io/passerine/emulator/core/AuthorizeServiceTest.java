package io.passerine.emulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeServiceTest {

    private final Fixture fx = new Fixture();
    private final AuthorizeService authorize = fx.state.authorize();

    private String refusal(String key, String value) {
        Map<String, String> q = Fixture.authorizeQuery("sample-client", "tweet.read users.read");
        if (value == null) {
            q.remove(key);
        } else {
            q.put(key, value);
        }
        return authorize.validate(q).error();
    }

    @Test
    void validRequestPasses() {
        assertNull(refusal("state", "st-1"));
    }

    @Test
    void refusalsNeverRedirect() {
        assertNotNull(refusal("client_id", "nobody"));
        assertNotNull(refusal("redirect_uri", Fixture.CALLBACK + "/"));
        assertNotNull(refusal("redirect_uri", null));
        assertNotNull(refusal("response_type", "token"));
        assertNotNull(refusal("code_challenge", null));
        assertNotNull(refusal("code_challenge_method", "S512"));
        assertNotNull(refusal("state", null));
        assertNotNull(refusal("state", "s".repeat(501)));
        assertNotNull(refusal("scope", "tweet.read openid"));
    }

    @Test
    void authorizeRedirectsWithStateAndCode() {
        AuthorizeService.Validation v = authorize.validate(Fixture.authorizeQuery("sample-client", "tweet.read"));
        AuthorizeService.Outcome o = authorize.decide(authorize.begin(v.request()), "authorize", "alice");
        assertTrue(o.redirect().startsWith(Fixture.CALLBACK + "?state=st-1&code="), o.redirect());
    }

    @Test
    void cancelRedirectsWithAccessDenied() {
        AuthorizeService.Validation v = authorize.validate(Fixture.authorizeQuery("sample-client", "tweet.read"));
        AuthorizeService.Outcome o = authorize.decide(authorize.begin(v.request()), "cancel", null);
        assertEquals(Fixture.CALLBACK + "?state=st-1&error=access_denied", o.redirect());
    }

    @Test
    void invalidUsernameShowsTheFormAgainAndConsentIsSingleUse() {
        AuthorizeService.Validation v = authorize.validate(Fixture.authorizeQuery("sample-client", "tweet.read"));
        String consent = authorize.begin(v.request());
        AuthorizeService.Outcome again = authorize.decide(consent, "authorize", "not a name!");
        assertNotNull(again.message());
        assertNotNull(authorize.decide(consent, "authorize", "alice").redirect());
        assertNotNull(authorize.decide(consent, "authorize", "alice").error());
    }
}
