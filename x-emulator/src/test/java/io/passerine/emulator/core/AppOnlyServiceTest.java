package io.passerine.emulator.core;

import static io.passerine.emulator.core.Fixture.APP_BASIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppOnlyServiceTest {

    private static final Map<String, String> GRANT = Map.of("grant_type", "client_credentials");
    private static final String CODE_99 =
            "{errors=[{code=99, label=authenticity_token_error, message=Unable to verify your credentials}]}";

    private final Fixture fx = new Fixture();
    private final AppOnlyService app = fx.state.appOnly();

    @Test
    void sameTokenReturnedTwiceWithoutExpiresIn() {
        Reply first = app.token(GRANT, APP_BASIC);
        assertEquals(200, first.status());
        assertEquals("bearer", first.string("token_type"));
        assertFalse(first.body().containsKey("expires_in"));
        assertTrue(first.string("access_token").startsWith("AAAA"));
        assertEquals(first.string("access_token"), app.token(GRANT, APP_BASIC).string("access_token"));
    }

    @Test
    void badCredentialsGive403Code99() {
        Reply r = app.token(GRANT, BasicAuth.header("sample-api-key", "nope"));
        assertEquals(403, r.status());
        assertEquals(CODE_99, r.body().toString());
        assertEquals(403, app.token(GRANT, null).status());
    }

    @Test
    void askingTooOftenGives403Code99() {
        fx.state.reconfigure(Map.of("appTokenMaxRequests", 2));
        assertEquals(200, app.token(GRANT, APP_BASIC).status());
        assertEquals(200, app.token(GRANT, APP_BASIC).status());
        Reply third = app.token(GRANT, APP_BASIC);
        assertEquals(403, third.status());
        assertEquals(CODE_99, third.body().toString());
        fx.advance(fx.state.settings().appTokenWindow().toSeconds());
        assertEquals(200, app.token(GRANT, APP_BASIC).status());
    }

    @Test
    void invalidatedTokenGets401AndANewTokenIsIssued() {
        String token = app.token(GRANT, APP_BASIC).string("access_token");
        assertEquals(200, fx.state.api().lookupTweets("Bearer " + token, Fixture.ids("1261326399320715264")).status());
        Reply inv = app.invalidate(token, APP_BASIC);
        assertEquals(200, inv.status());
        assertEquals(token, inv.string("access_token"));
        assertEquals(401, fx.state.api().lookupTweets("Bearer " + token, Fixture.ids("1261326399320715264")).status());
        String fresh = app.token(GRANT, APP_BASIC).string("access_token");
        assertNotEquals(token, fresh);
        assertEquals(200, fx.state.api().lookupTweets("Bearer " + fresh, Fixture.ids("1261326399320715264")).status());
    }

    @Test
    void invalidateNeedsTheAppsCredentials() {
        String token = app.token(GRANT, APP_BASIC).string("access_token");
        assertEquals(403, app.invalidate(token, BasicAuth.header("sample-api-key", "x")).status());
        assertEquals(401, app.invalidate("AAAAunknown", APP_BASIC).status());
    }
}
