package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.metrics.Metrics;
import io.passerine.login.LoginErrorAttributes;
import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.testing.MutableClock;
import jakarta.security.enterprise.AuthenticationStatus;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link XLoginMechanism}'s own work, without a server: which path does what, and the container actions (redirects,
 * session, {@code notifyContainerAboutLogin}, error pages, logout); the sequence itself is {@link LoginFlowTest}'s.
 */
class XLoginMechanismTest {

    static final String TOKEN = "/2/oauth2/token";
    static final String REVOKE = "/2/oauth2/revoke";
    static final String CALLBACK = "/ctx/oauth2/callback";
    static final Map<String, String> SAME_ORIGIN = Map.of("Origin", "https://app.example");

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final AtomicReference<String> userId = new AtomicReference<>("2244994945");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final FakeProvider provider;

    XLoginMechanismTest() throws Exception {
        provider = new FakeProvider()
                .on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                        + "\"access_token\":\"AT-" + userId.get() + "\",\"refresh_token\":\"RT-" + userId.get()
                        + "\",\"scope\":\"tweet.read users.read\"}"))
                .on(REVOKE, c -> Reply.json(200, "{}"))
                .on("/2/users/me", c -> Reply.json(200, "{\"data\":{\"id\":\"" + userId.get() + "\"}}"));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private MechanismHarness browser(Map<String, String> extra) {
        Metrics metrics = new Metrics() {
            @Override
            public void login(String client) {
                events.add("login");
            }

            @Override
            public void loginFailure(String client, String reason) {
                events.add("failure:" + reason);
            }
        };
        return new MechanismHarness(LoginAssembly.of(provider.settings(extra), ClusterSettings.NONE, clock, metrics,
                AppGroups.NONE));
    }

    private static String state(MechanismHarness.Exchange ex) {
        return URLUtils.parseParameters(URI.create(ex.location).getRawQuery()).get("state").get(0);
    }

    private static void login(MechanismHarness b) {
        MechanismHarness.Exchange back = b.get(CALLBACK, "code=c&state=" + state(b.get("/ctx/me", "a=1", true)), false);
        assertEquals(302, back.status, back.body.toString());
    }

    @Test
    void aProtectedPageRedirectsToTheProviderWithoutASession() {
        MechanismHarness b = browser(Map.of());
        MechanismHarness.Exchange ex = b.get("/ctx/me", null, true);
        assertEquals(AuthenticationStatus.SEND_CONTINUE, ex.result);
        assertTrue(ex.location.startsWith("https://x.com/i/oauth2/authorize?"), ex.location);
        assertEquals(1, b.cookies.size(), "the transaction is in the sealed cookie");
        assertFalse(b.hasSession, "an anonymous request creates no session");
        assertEquals(0, provider.calls.size());
    }

    @Test
    void aPublicPageWithoutLoginIsLeftAlone() {
        MechanismHarness b = browser(Map.of());
        MechanismHarness.Exchange ex = b.get("/ctx/", null, false);
        assertEquals(AuthenticationStatus.NOT_DONE, ex.result);
        assertNull(ex.location);
        assertTrue(b.cookies.isEmpty());
    }

    @Test
    void theCallbackLogsInTellsTheContainerAndGoesBack() {
        MechanismHarness b = browser(Map.of("passerine.login.default-groups", "user"));
        MechanismHarness.Exchange back = b.get(CALLBACK, "code=c&state=" + state(b.get("/ctx/me", "a=1", true)),
                false);
        assertEquals("/ctx/me?a=1", back.location);
        assertEquals("2244994945", back.principal);
        assertEquals(Set.of("user", "tweet.read", "users.read"), back.groups);
        assertNotNull(b.session.get(LoginAttribute.ATTRIBUTE), "the login is kept in the session");
        assertEquals(List.of("login"), events);

        MechanismHarness.Exchange next = b.get("/ctx/other", null, true);
        assertEquals("2244994945", next.principal, "re-established from the session");
        assertEquals(AuthenticationStatus.SUCCESS, next.result);
        assertEquals(1, provider.count(TOKEN), "no new login");
    }

    @Test
    void aFailedCallbackShowsTheErrorPageAndIsCounted() {
        MechanismHarness b = browser(Map.of());
        MechanismHarness.Exchange ex = b.get(CALLBACK, "code=c&state=unknown", false);
        assertEquals(400, ex.status);
        assertTrue(ex.body.toString().contains("Login failed"), ex.body.toString());
        assertEquals("no-store", ex.headers.get("Cache-Control"));
        assertEquals(List.of("failure:bad_callback"), events);
        assertEquals(0, provider.calls.size());
    }

    @Test
    void theApplicationsErrorPageGetsTheFailure() {
        MechanismHarness b = browser(Map.of("passerine.login.error-page", "/oops"));
        String state = state(b.get("/ctx/me", null, true));
        MechanismHarness.Exchange ex = b.get(CALLBACK, "error=access_denied&state=" + state, false);
        assertEquals("/oops", ex.forwardedTo);
        assertEquals(403, ex.attributes.get(LoginErrorAttributes.STATUS));
        assertEquals("Login cancelled", ex.attributes.get(LoginErrorAttributes.TITLE));
        assertEquals(List.of("failure:cancelled"), events);
    }

    @Test
    void logoutIsAPostFromTheApplicationsOwnPage() {
        MechanismHarness b = browser(Map.of());
        login(b);
        MechanismHarness.Exchange get = b.get("/ctx/oauth2/logout", null, false);
        assertEquals(400, get.status);
        assertEquals("POST", get.headers.get("Allow"));
        MechanismHarness.Exchange crossSite = b.send("POST", "/ctx/oauth2/logout", null, false,
                Map.of("Origin", "https://evil.example"), null);
        assertEquals(403, crossSite.status);
        assertEquals(0, provider.count(REVOKE));
        assertTrue(b.hasSession, "still logged in");

        MechanismHarness.Exchange out = b.send("POST", "/ctx/oauth2/logout", null, false, SAME_ORIGIN, null);
        assertEquals("/ctx/", out.location);
        assertFalse(b.hasSession, "session invalidated");
        assertTrue(out.cleaned);
        assertEquals(List.of("RT-2244994945", "AT-2244994945"), revokedTokens(), "refresh token first");
    }

    @Test
    void anotherUsersLoginEndsTheSessionAndRevokesTheOldTokens() {
        MechanismHarness b = browser(Map.of());
        login(b);
        userId.set("42"); // another X account logs in in this browser (re-login through /oauth2/login)
        MechanismHarness.Exchange start = b.get("/ctx/oauth2/login", "return=%2Fctx%2Fme", false);
        assertEquals(302, b.get(CALLBACK, "code=c&state=" + state(start), false).status);
        assertEquals(List.of("RT-2244994945", "AT-2244994945"), revokedTokens());
        assertEquals("42", b.get("/ctx/me", null, true).principal);
    }

    @Test
    void aNonNavigationGetsAChallengeNotARedirect() {
        MechanismHarness b = browser(Map.of());
        MechanismHarness.Exchange ex = b.send("GET", "/ctx/me", null, true, Map.of("Sec-Fetch-Mode", "cors"), null);
        assertEquals(401, ex.status);
        assertTrue(ex.headers.get("WWW-Authenticate").startsWith("OAuth2-Login "), ex.headers.toString());
        assertNull(ex.location);
        assertTrue(b.cookies.isEmpty(), "no transaction for a script");
    }

    private List<String> revokedTokens() {
        return provider.calls.stream().filter(c -> c.path().equals(REVOKE))
                .map(c -> FakeProvider.form(c).get("token").get(0)).toList();
    }
}
