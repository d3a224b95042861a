package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.GrantSettings;
import io.passerine.login.GrantException;
import io.passerine.login.LoginRequiredException;
import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.login.internal.grants.Connections;
import io.passerine.testing.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, the login's side of stored grants against a provider on loopback: a login stores the grant, the session's
 * refresh goes through it, X's {@code invalid_grant} marks it, logout deletes it, and a session that ends without a
 * stored grant revokes its tokens.
 */
class StoredGrantsTest {

    static final String TOKEN = "/2/oauth2/token";
    static final String REVOKE = "/2/oauth2/revoke";
    static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final UserInfo USER = new UserInfo("2244994945", "2244994945", "XDevelopers", "X Dev");
    static final AtomicInteger DATABASES = new AtomicInteger();

    final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    final String url = "jdbc:h2:mem:storedgrants" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    final AtomicInteger issued = new AtomicInteger(1);
    FakeProvider provider;

    @AfterEach
    void stop() {
        provider.close();
    }

    private StoredGrants grants(boolean on) throws Exception {
        provider = new FakeProvider().on(TOKEN, c -> {
            int n = issued.incrementAndGet();
            return Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-" + n
                    + "\",\"refresh_token\":\"RT-" + n + "\",\"scope\":\"tweet.read offline.access\"}");
        }).on(REVOKE, c -> Reply.json(200, "{}"));
        LoginAssembly rt = LoginAssembly.of(provider.settings(Map.of()), clock);
        GrantSettings gs = GrantSettings.from(ConfigReader.of(Map.of("passerine.login.store-grants", "" + on,
                "passerine.grants.data-source", "jdbc/test", "passerine.keys", KEY)), rt.settings().scopes());
        Connections h2 = new Connections() {
            @Override
            public Connection open() throws SQLException {
                return DriverManager.getConnection(url);
            }

            @Override
            public String name() {
                return "jdbc/test";
            }
        };
        return new StoredGrants(rt, io.passerine.internal.metrics.Metrics.NONE, gs, h2);
    }

    private GrantedTokens login() {
        return new GrantedTokens("AT-1", clock.instant().plus(Duration.ofHours(2)), "RT-1",
                Set.of("tweet.read", "offline.access"));
    }

    @Test
    void aLoginStoresTheGrantAndTheSessionRefreshesThroughIt() throws Exception {
        StoredGrants grants = grants(true);
        GrantedTokens tokens = login();
        SessionLogin session = new SessionLogin(USER, tokens);
        grants.loggedIn(null, null, USER, tokens);
        assertEquals("AT-1", grants.api().accessToken(USER.principal()).value());
        clock.advance(Duration.ofHours(2));
        GrantedTokens refreshed = session.current(clock, Duration.ofSeconds(60), grants.refresher(session));
        assertEquals("AT-2", refreshed.accessToken());
        assertEquals("AT-2", grants.api().accessToken(USER.principal()).value(), "the store holds the same");
        assertEquals(1, provider.count(TOKEN), "one refresh, shared by the session and the store");
        assertEquals(List.of("RT-1"), FakeProvider.form(provider.calls.get(0)).get("refresh_token"));
    }

    @Test
    void invalidGrantAtXMarksTheGrantAndTheSessionMustLogIn() throws Exception {
        StoredGrants grants = grants(true);
        grants.loggedIn(null, null, USER, login());
        SessionLogin session = new SessionLogin(USER, login());
        provider.on(TOKEN, c -> Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}"));
        clock.advance(Duration.ofHours(2));
        GrantException e = assertThrows(GrantException.class, () -> grants.api().accessToken(USER.principal()));
        assertEquals(GrantException.Reason.REVOKED, e.reason());
        assertTrue(grants.api().find(USER.principal()).orElseThrow().revoked());
        assertThrows(LoginRequiredException.class,
                () -> session.current(clock, Duration.ofSeconds(60), grants.refresher(session)));
        assertEquals(1, provider.count(TOKEN));
    }

    @Test
    void logoutDeletesTheStoredGrantAndLeavesTheSessionsOwnTokensToTheLogout() throws Exception {
        StoredGrants grants = grants(true);
        grants.loggedIn(null, null, USER, login());
        grants.loggingOut(new SessionLogin(USER, login()));
        assertTrue(grants.api().find(USER.principal()).isEmpty());
        assertEquals(0, provider.count(REVOKE), "the same tokens as the session's: the logout revokes them once");
    }

    @Test
    void logoutRevokesAStoredGrantATimerRotated() throws Exception {
        StoredGrants grants = grants(true);
        SessionLogin session = new SessionLogin(USER, login());
        grants.loggedIn(null, null, USER, login());
        clock.advance(Duration.ofHours(2));
        grants.api().accessToken(USER.principal()); // a timer refreshes: the store now holds RT-2
        grants.loggingOut(session, login());
        assertTrue(grants.api().find(USER.principal()).isEmpty());
        assertEquals(2, provider.count(REVOKE), "the rotated grant: refresh token, then access token");
        assertEquals(List.of("RT-2"), FakeProvider.form(provider.calls.get(1)).get("token"));
    }

    @Test
    void anAccountSwitchEndsThePreviousUsersStoredGrant() throws Exception {
        StoredGrants grants = grants(true);
        grants.loggedIn(null, null, USER, login());
        UserInfo other = new UserInfo("99", "99", "other", "Other");
        grants.loggedIn(new SessionLogin(USER, login()), login(), other, new GrantedTokens("AT-9",
                Instant.parse("2026-01-01T02:00:00Z"), "RT-9", Set.of("offline.access")));
        assertTrue(grants.api().find(USER.principal()).isEmpty());
        assertTrue(grants.api().find("99").isPresent());
    }

    @Test
    void aSessionEndingWithoutAStoredGrantRevokesItsTokens() throws Exception {
        StoredGrants grants = grants(false);
        SessionLogin session = new SessionLogin(USER, login());
        grants.sessionEnded(session);
        assertEquals(2, provider.count(REVOKE));
        assertEquals(List.of("RT-1"), FakeProvider.form(provider.calls.get(0)).get("token"));
        assertEquals(null, session.peek(), "dropped");
    }

    @Test
    void aSessionEndingWithAStoredGrantLeavesItValid() throws Exception {
        StoredGrants grants = grants(true);
        grants.loggedIn(null, null, USER, login());
        grants.sessionEnded(new SessionLogin(USER, login()));
        assertEquals(0, provider.count(REVOKE));
        assertFalse(grants.api().find(USER.principal()).orElseThrow().revoked());
    }

    @Test
    void offTheApiSaysHowToSwitchItOn() throws Exception {
        StoredGrants grants = grants(false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> grants.api().accessToken("1"));
        assertTrue(e.getMessage().contains("passerine.login.store-grants=true"), e.getMessage());
    }
}
