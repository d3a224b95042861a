package io.passerine.emulator.core;

import static io.passerine.emulator.core.Fixture.BASIC;
import static io.passerine.emulator.core.Fixture.VERIFIER;
import static io.passerine.emulator.core.Fixture.bearer;
import static io.passerine.emulator.core.Fixture.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthServiceTest {

    private final Fixture fx = new Fixture();
    private final OAuthService oauth = fx.state.oauth();

    private static void assertInvalid(Reply r, String description) {
        assertEquals(400, r.status(), r.body().toString());
        assertEquals("invalid_request", r.string("error"));
        assertEquals(description, r.string("error_description"));
    }

    @Test
    void codeExchangeGivesBearerTokenWithXShape() {
        Reply r = fx.login("tweet.read users.read offline.access");
        assertEquals(200, r.status(), r.body().toString());
        assertEquals("bearer", r.string("token_type"));
        assertEquals(7200L, r.body().get("expires_in"));
        assertEquals("tweet.read users.read offline.access", r.string("scope"));
        assertTrue(r.body().containsKey("refresh_token"));
    }

    @Test
    void wrongVerifierIsRejected() {
        Reply r = oauth.token(exchange(fx.code("sample-client", "tweet.read"), VERIFIER + "x"), BASIC);
        assertInvalid(r, "Value passed for the code verifier did not match the code challenge.");
    }

    @Test
    void missingVerifierIsRejected() {
        Reply r = oauth.token(exchange(fx.code("sample-client", "tweet.read"), null), BASIC);
        assertInvalid(r, "Missing required parameter [code_verifier].");
    }

    @Test
    void codeIsSingleUse() {
        String code = fx.code("sample-client", "tweet.read");
        assertEquals(200, oauth.token(exchange(code, VERIFIER), BASIC).status());
        assertInvalid(oauth.token(exchange(code, VERIFIER), BASIC),
                "Value passed for the authorization code was invalid.");
    }

    @Test
    void codeExpiresAfterThirtySeconds() {
        String code = fx.code("sample-client", "tweet.read");
        fx.advance(31);
        assertInvalid(oauth.token(exchange(code, VERIFIER), BASIC),
                "Value passed for the authorization code was invalid.");
    }

    @Test
    void redirectUriMustMatchExactly() {
        Map<String, String> form = exchange(fx.code("sample-client", "tweet.read"), VERIFIER);
        form.put("redirect_uri", "http://localhost:9080/other");
        assertInvalid(oauth.token(form, BASIC),
                "Value passed for the redirect uri did not match the uri of the authorization code.");
    }

    @Test
    void confidentialClientWithoutBasicIsUnauthorized() {
        Map<String, String> form = exchange(fx.code("sample-client", "tweet.read"), VERIFIER);
        form.put("client_id", "sample-client");
        Reply r = oauth.token(form, null);
        assertEquals(401, r.status());
        assertEquals("unauthorized_client", r.string("error"));
        assertEquals("Missing valid authorization header", r.string("error_description"));
        assertEquals(401, oauth.token(form, BasicAuth.header("sample-client", "wrong")).status());
    }

    @Test
    void publicClientUsesClientIdInBody() {
        Map<String, String> form = exchange(fx.code("public-client", "tweet.read"), VERIFIER);
        form.put("client_id", "public-client");
        assertEquals(200, oauth.token(form, null).status());
    }

    @Test
    void codeOfAnotherClientIsRejected() {
        Map<String, String> form = exchange(fx.code("public-client", "tweet.read"), VERIFIER);
        assertInvalid(oauth.token(form, BASIC), "Value passed for the authorization code was invalid.");
    }

    @Test
    void refreshTokenOnlyWithOfflineAccess() {
        assertFalse(fx.login("tweet.read users.read").body().containsKey("refresh_token"));
    }

    @Test
    void refreshRotatesAndOldRefreshTokenFails() {
        String rt1 = fx.login("tweet.read users.read offline.access").string("refresh_token");
        Reply second = oauth.token(refresh(rt1), BASIC);
        assertEquals(200, second.status(), second.body().toString());
        String rt2 = second.string("refresh_token");
        assertNotEquals(rt1, rt2);
        assertInvalid(oauth.token(refresh(rt1), BASIC), "Value passed for the token was invalid.");
        assertEquals(200, oauth.token(refresh(rt2), BASIC).status());
    }

    @Test
    void revokedAccessTokenGetsXsUnauthorizedProblemAtTheApi() {
        String at = fx.login("tweet.read users.read").string("access_token");
        assertEquals(200, fx.state.api().usersMe(bearer(at), Map.of()).status());
        Map<String, String> form = new HashMap<>(Map.of("token", at));
        Reply revoked = oauth.revoke(form, BASIC);
        assertEquals(200, revoked.status());
        assertEquals(true, revoked.body().get("revoked"));
        Reply me = fx.state.api().usersMe(bearer(at), Map.of());
        assertEquals(401, me.status());
        assertEquals("{title=Unauthorized, type=about:blank, status=401, detail=Unauthorized}", me.body().toString());
    }

    @Test
    void revokingRefreshTokenEndsTheGrant() {
        Reply login = fx.login("tweet.read users.read offline.access");
        oauth.revoke(new HashMap<>(Map.of("token", login.string("refresh_token"))), BASIC);
        assertEquals(401, fx.state.api().usersMe(bearer(login.string("access_token")), Map.of()).status());
        assertEquals(400, oauth.token(refresh(login.string("refresh_token")), BASIC).status());
    }

    @Test
    void revokeAuthenticatesTheClientBeforeLookingAtTheToken() {
        String at = fx.login("tweet.read users.read").string("access_token");
        Reply wrong = oauth.revoke(Fixture.params("token", at), BasicAuth.header("sample-client", "wrong"));
        assertEquals(401, wrong.status());
        assertEquals("unauthorized_client", wrong.string("error"));
        assertEquals(401, oauth.revoke(Fixture.params(), BasicAuth.header("sample-client", "wrong")).status());
        assertEquals(200, fx.state.api().usersMe(bearer(at), Map.of()).status(), "an unauthenticated revoke is a no-op");
        assertInvalid(oauth.revoke(Fixture.params("token", ""), BASIC), "Missing required parameter [token].");
    }

    @Test
    void tokenAuthenticatesTheClientBeforeLookingAtTheGrantType() {
        assertEquals(401, oauth.token(Fixture.params(), null).status());
        assertInvalid(oauth.token(Fixture.params(), BASIC), "Missing required parameter [grant_type].");
        Reply other = oauth.token(Fixture.params("grant_type", "password"), BASIC);
        assertEquals(400, other.status());
        assertEquals("unsupported_grant_type", other.string("error"));
    }

    @Test
    void accessTokenExpiresAfterTwoHours() {
        String at = fx.login("tweet.read users.read").string("access_token");
        fx.advance(7199);
        assertEquals(200, fx.state.api().usersMe(bearer(at), Map.of()).status());
        fx.advance(1);
        assertEquals(401, fx.state.api().usersMe(bearer(at), Map.of()).status());
    }

    @Test
    void resetForgetsTokens() {
        String at = fx.login("tweet.read users.read").string("access_token");
        fx.state.reset();
        assertEquals(401, fx.state.api().usersMe(bearer(at), Map.of()).status());
        assertNull(fx.state.faults().next("/x").orElse(null));
    }

    private static Map<String, String> refresh(String rt) {
        return new HashMap<>(Map.of("grant_type", "refresh_token", "refresh_token", rt));
    }
}
