package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, items 2, 3 and 4 through the mechanism itself: the query guard before any parsing (never the
 * container's), the step-up scope allowlist, groups only from granted scopes, the stable principal.
 */
class HardeningMechanismTest {

    static final String TOKEN = "/2/oauth2/token";
    static final String ME = "/2/users/me";
    static final String CALLBACK = "/ctx/oauth2/callback";
    static final String OK = "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-1\","
            + "\"refresh_token\":\"RT-1\",\"scope\":\"tweet.read users.read offline.access\"}";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final FakeProvider provider;
    private MechanismHarness browser;
    private LoginAssembly runtime;

    HardeningMechanismTest() throws Exception {
        provider = new FakeProvider()
                .on(TOKEN, c -> Reply.json(200, OK))
                .on(ME, c -> Reply.json(200, "{\"data\":{\"id\":\"2244994945\",\"name\":\"X Dev\","
                        + "\"username\":\"XDevelopers\"}}"));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private MechanismHarness browser(Map<String, String> extra) {
        runtime = LoginAssembly.of(provider.settings(extra), clock);
        browser = new MechanismHarness(runtime);
        return browser;
    }

    /** Starts a login at a protected page and returns its state. */
    private String startLogin() {
        MechanismHarness.Exchange ex = browser.get("/ctx/me", null, true);
        assertEquals(302, ex.status);
        return URLUtils.parseParameters(URI.create(ex.location).getRawQuery()).get("state").get(0);
    }

    @Test
    void overCountedCallbackWithTheLiveStateIsRefusedBeforeAnyTokenCall() {
        browser(Map.of());
        String state = startLogin();
        StringBuilder q = new StringBuilder("code=c&state=").append(state);
        for (int i = 0; i < 20; i++) {
            q.append("&p").append(i).append("=x");
        }
        MechanismHarness.Exchange ex = browser.get(CALLBACK, q.toString(), false);
        assertEquals(400, ex.status, ex.body.toString());
        assertTrue(ex.body.toString().contains("too many parameters"), ex.body.toString());
        assertEquals(0, provider.count(TOKEN));
        assertNull(ex.principal);
    }

    @Test
    void overLongCallbackWithTheLiveStateIsRefusedBeforeAnyTokenCall() {
        browser(Map.of());
        String state = startLogin();
        MechanismHarness.Exchange ex = browser.get(CALLBACK, "code=c&state=" + state + "&pad=" + "a".repeat(5000),
                false);
        assertEquals(400, ex.status);
        assertTrue(ex.body.toString().contains("too long"), ex.body.toString());
        assertEquals(0, provider.count(TOKEN));
    }

    @Test
    void aRefusedQueryNeverGoesToTheApplicationsErrorPage() {
        browser(Map.of("passerine.login.error-page", "/login-error"));
        String state = startLogin();
        MechanismHarness.Exchange ex = browser.get(CALLBACK, "code=c&state=" + state + "&a=1".repeat(100), false);
        assertEquals(400, ex.status);
        assertNull(ex.forwardedTo, "a forward (or the app's page) could make the container parse the query");
        assertTrue(ex.body.toString().contains("too many parameters"));
        ex = browser.get("/ctx/oauth2/login", "scope=admin", false);
        assertEquals("/login-error", ex.forwardedTo, "other refusals still use the app's page");
    }

    @Test
    void hostileRepeatedQueryIsRefusedFastAndTheLimitsAreConfigurable() {
        browser(Map.of("passerine.login.max-query-length", "1000000", "passerine.login.max-query-params", "4"));
        String state = startLogin();
        String hostile = "code=c&state=" + state + "&a=1".repeat(100_000);
        MechanismHarness.Exchange ex = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> browser.get(CALLBACK, hostile, false));
        assertEquals(400, ex.status);
        assertEquals(0, provider.count(TOKEN));
        assertEquals(302, browser.get(CALLBACK, "code=c&state=" + startLogin() + "&a=1&b=2", false).status,
                "4 parameters are within the configured limit");
        assertEquals(1, provider.count(TOKEN));
    }

    @Test
    void stepUpReadsOnlyTheRawQueryNeverTheContainersParameters() {
        browser(Map.of());
        MechanismHarness.Exchange ex = browser.get("/ctx/oauth2/login", "scope=tweet.write&return=%2Fctx%2Fcompose",
                false);
        assertEquals(List.of(), ex.containerParsing);
        assertEquals(302, ex.status);
        Map<String, List<String>> q = URLUtils.parseParameters(URI.create(ex.location).getRawQuery());
        assertTrue(q.get("scope").get(0).contains("tweet.write"), ex.location);
    }

    @Test
    void stepUpToAnUnknownScopeIsA400AndNoRedirectToTheProvider() {
        browser(Map.of());
        for (String scope : List.of("admin", "tweet.read%20admin", "dm.write%2Cadmin", "%22x%22")) {
            MechanismHarness.Exchange ex = browser.get("/ctx/oauth2/login", "scope=" + scope, false);
            assertEquals(400, ex.status, scope);
            assertNull(ex.location, scope);
            assertTrue(ex.body.toString().contains("not allowed"), ex.body.toString());
        }
        assertTrue(browser.session.values().stream().noneMatch(v -> v instanceof PendingLogins p && p.size() > 0),
                "no login transaction was started");
    }

    @Test
    void stepUpToAPublishedXScopeOrAnAllowlistedOneIsAllowed() {
        browser(Map.of("passerine.login.step-up-scopes", "admin.read"));
        assertEquals(400, browser.get("/ctx/oauth2/login", "scope=dm.write", false).status,
                "an explicit allowlist replaces X's published list");
        assertEquals(302, browser.get("/ctx/oauth2/login", "scope=admin.read", false).status);
        assertEquals(302, browser.get("/ctx/oauth2/login", "scope=tweet.read", false).status,
                "the configured login scopes are always allowed");
        browser(Map.of());
        assertEquals(302, browser.get("/ctx/oauth2/login", "scope=dm.write%20bookmark.read", false).status);
    }

    @Test
    void overLongStepUpIsRefusedBeforeParsing() {
        browser(Map.of());
        MechanismHarness.Exchange ex = browser.get("/ctx/oauth2/login", "return=%2F" + "a".repeat(5000), false);
        assertEquals(400, ex.status);
        assertNull(ex.location);
    }

    @Test
    void groupsComeOnlyFromScopesTheProviderGranted() {
        provider.on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                + "\"access_token\":\"AT-1\",\"refresh_token\":\"RT-1\"}"));
        browser(Map.of("passerine.login.default-groups", "user"));
        MechanismHarness.Exchange ex = browser.get(CALLBACK, "code=c&state=" + startLogin(), false);
        assertEquals(302, ex.status, ex.body.toString());
        assertEquals(Set.of("user"), ex.groups, "no scope in the answer: no scope groups");
        assertEquals(Set.of(), LoginAttribute.get(proxyRequestFor(browser)).peek().scopes());
    }

    @Test
    void theDefaultPrincipalIsTheStableUserIdNotTheRenamableHandle() {
        browser(Map.of());
        MechanismHarness.Exchange ex = browser.get(CALLBACK, "code=c&state=" + startLogin(), false);
        assertEquals(302, ex.status, ex.body.toString());
        assertEquals("2244994945", ex.principal);
        SessionLogin st = LoginAttribute.get(proxyRequestFor(browser));
        assertEquals(new UserInfo("2244994945", "2244994945", "XDevelopers", "X Dev"), st.user());
        assertEquals(Set.of("tweet.read", "users.read", "offline.access"), ex.groups);
        io.passerine.login.CurrentUser tokens = new SessionCurrentUser(proxyRequestFor(browser), runtime.clock(),
                runtime.settings().refreshSkew(), runtime.refresher());
        assertEquals(List.of("2244994945", "2244994945", "2244994945", "XDevelopers", "X Dev"),
                List.of(tokens.principal(), tokens.id(), tokens.userId(), tokens.username(), tokens.name()));
        ex = browser(Map.of("passerine.login.principal-claim", "/data/username"))
                .get(CALLBACK, "code=c&state=" + startLogin(), false);
        assertEquals("XDevelopers", ex.principal, "the old behaviour, by configuration");
    }

    /** A request of {@code b}'s session, for {@link LoginAttribute#get}. */
    private static jakarta.servlet.http.HttpServletRequest proxyRequestFor(MechanismHarness b) {
        jakarta.servlet.http.HttpSession s = (jakarta.servlet.http.HttpSession) java.lang.reflect.Proxy
                .newProxyInstance(HardeningMechanismTest.class.getClassLoader(),
                        new Class<?>[] {jakarta.servlet.http.HttpSession.class},
                        (p, m, a) -> m.getName().equals("getAttribute") ? b.session.get((String) a[0]) : null);
        return (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(
                HardeningMechanismTest.class.getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class},
                (p, m, a) -> m.getName().equals("getSession") ? s : null);
    }
}
