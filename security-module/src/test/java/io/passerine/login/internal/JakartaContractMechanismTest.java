package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.metrics.Metrics;
import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.testing.MutableClock;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 through the mechanism itself: {@code logout()} ends the X login (tokens dropped and revoked),
 * {@code authenticate()} starts a login from a public page, non-navigations get a 401 challenge and no transaction,
 * and the application's group-only identity stores add groups.
 */
class JakartaContractMechanismTest {

    static final String TOKEN = "/2/oauth2/token";
    static final String REVOKE = "/2/oauth2/revoke";
    static final String CALLBACK = "/ctx/oauth2/callback";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final FakeProvider provider;

    JakartaContractMechanismTest() throws Exception {
        provider = new FakeProvider()
                .on(TOKEN, c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                        + "\"access_token\":\"AT-1\",\"refresh_token\":\"RT-1\",\"scope\":\"tweet.read users.read\"}"))
                .on(REVOKE, c -> Reply.json(200, "{\"revoked\":true}"))
                .on("/2/users/me", c -> Reply.json(200, "{\"data\":{\"id\":\"2244994945\",\"name\":\"X Dev\","
                        + "\"username\":\"XDevelopers\"}}"));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private MechanismHarness browser(GroupSource groups) {
        return new MechanismHarness(LoginAssembly.of(provider.settings(Map.of("passerine.login.default-groups",
                "user")), ClusterSettings.NONE, clock, Metrics.NONE, groups));
    }

    private static String state(MechanismHarness.Exchange ex) {
        return URLUtils.parseParameters(URI.create(ex.location).getRawQuery()).get("state").get(0);
    }

    private static MechanismHarness.Exchange login(MechanismHarness b) {
        MechanismHarness.Exchange start = b.get("/ctx/me", null, true);
        assertEquals(302, start.status);
        MechanismHarness.Exchange back = b.get(CALLBACK, "code=c&state=" + state(start), false);
        assertEquals(302, back.status, back.body.toString());
        return back;
    }

    @Test
    void logoutEndsTheXLoginAndRevokes() {
        MechanismHarness b = browser(GroupSource.NONE);
        login(b);
        assertEquals("2244994945", b.get("/ctx/public", null, false).principal, "logged in on any page");

        MechanismHarness.Exchange out = b.logout("/ctx/public");
        assertTrue(out.cleaned, "the client subject is cleaned as the default cleanSubject does");
        assertEquals(2, provider.count(REVOKE), "refresh and access token revoked at X");
        assertTrue(b.hasSession, "the session is the application's: logout() does not invalidate it");

        MechanismHarness.Exchange next = b.get("/ctx/public", null, false);
        assertNull(next.principal, "not logged back in from the session");
        assertEquals(AuthenticationStatus.NOT_DONE, next.result);
        MechanismHarness.Exchange again = b.get("/ctx/me", null, true);
        assertEquals(302, again.status, "a protected page asks for a new login");
        assertTrue(again.location.contains("/authorize?"), again.location);
        b.logout("/ctx/public");
        assertEquals(2, provider.count(REVOKE), "a second logout has nothing to revoke");
    }

    @Test
    void logoutWithoutALoginDoesNothing() {
        MechanismHarness b = browser(GroupSource.NONE);
        assertTrue(b.logout("/ctx/public").cleaned);
        assertEquals(0, provider.count(REVOKE));
    }

    @Test
    void authenticateOnAPublicPageStartsALoginThatComesBackThere() {
        MechanismHarness b = browser(GroupSource.NONE);
        assertEquals(AuthenticationStatus.NOT_DONE, b.get("/ctx/welcome", "login", false).result,
                "a public page without authenticate(): nothing");
        b.authenticationRequest = true;
        MechanismHarness.Exchange start = b.get("/ctx/welcome", "login", false);
        assertEquals(302, start.status);
        assertEquals(AuthenticationStatus.SEND_CONTINUE, start.result);
        b.authenticationRequest = false;
        MechanismHarness.Exchange back = b.get(CALLBACK, "code=c&state=" + state(start), false);
        assertEquals("/ctx/welcome?login", back.location, "back to the page that called authenticate()");
        assertEquals("2244994945", back.principal);
        b.authenticationRequest = true;
        assertEquals(AuthenticationStatus.SUCCESS, b.get("/ctx/welcome", "login", false).result,
                "authenticate() once logged in: the caller");
        assertEquals(1, provider.count(TOKEN));
    }

    @Test
    void newAuthenticationStartsALoginEvenWhenLoggedIn() {
        MechanismHarness b = browser(GroupSource.NONE);
        login(b);
        b.authenticationRequest = true;
        b.authParameters = AuthenticationParameters.withParams();
        assertEquals(AuthenticationStatus.SUCCESS, b.get("/ctx/welcome", null, false).result, "logged in: the caller");
        b.authParameters = AuthenticationParameters.withParams().newAuthentication(true);
        MechanismHarness.Exchange again = b.get("/ctx/welcome", "x=1", false);
        assertEquals(302, again.status, "SecurityContext.authenticate(..., newAuthentication(true)): a new X login");
        Map<String, List<String>> q = URLUtils.parseParameters(URI.create(again.location).getRawQuery());
        assertEquals(List.of("tweet.read users.read offline.access"), q.get("scope"), "configured + granted scopes");
        b.authenticationRequest = false;
        b.authParameters = null;
        assertEquals("/ctx/welcome?x=1", b.get(CALLBACK, "code=c&state=" + state(again), false).location);
        assertEquals(2, provider.count(TOKEN));
    }

    @Test
    void nonNavigationsGetA401ChallengeAndNoLoginTransaction() {
        MechanismHarness b = browser(GroupSource.NONE);
        b.browserHeaders.putAll(Map.of("Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty", "Accept", "application/json"));
        MechanismHarness.Exchange ex = b.get("/ctx/me", null, true);
        assertEquals(401, ex.status);
        assertEquals(AuthenticationStatus.SEND_FAILURE, ex.result);
        assertNull(ex.location, "no redirect");
        assertEquals("OAuth2-Login realm=\"/ctx\", login_uri=\"/ctx/oauth2/login\"", ex.headers.get("WWW-Authenticate"));
        assertEquals("{\"error\":\"login_required\",\"login_uri\":\"/ctx/oauth2/login\"}", ex.body.toString());
        assertEquals("no-store", ex.headers.get("Cache-Control"));
        assertTrue(b.cookies.isEmpty(), "no transaction cookie: nothing was started");
        assertTrue(!b.hasSession);
        b.authenticationRequest = true;
        assertEquals(401, b.get("/ctx/welcome", null, false).status, "authenticate() from a script: 401 too");

        b.browserHeaders.clear();
        b.browserHeaders.put("Accept", "text/html");
        b.authenticationRequest = false;
        assertEquals(302, b.get("/ctx/me", null, true).status, "a navigation is still redirected");
        assertEquals(0, provider.count(TOKEN));
    }

    @Test
    void groupOnlyIdentityStoresAddGroupsAtLoginInPriorityOrder() {
        List<String> asked = new ArrayList<>();
        IdentityStore admins = new Store(20, EnumSet.of(IdentityStore.ValidationType.PROVIDE_GROUPS), r -> {
            asked.add("admins:" + r.getCallerPrincipal().getName() + ":" + r.getCallerUniqueId() + ":"
                    + r.getIdentityStoreId() + ":" + new java.util.TreeSet<>(r.getCallerGroups()));
            return "2244994945".equals(r.getCallerPrincipal().getName()) ? Set.of("admin") : Set.of();
        });
        IdentityStore first = new Store(10, EnumSet.of(IdentityStore.ValidationType.PROVIDE_GROUPS), r -> {
            asked.add("first");
            return Set.of("reader");
        });
        IdentityStore validating = new Store(0, EnumSet.of(IdentityStore.ValidationType.VALIDATE,
                IdentityStore.ValidationType.PROVIDE_GROUPS), r -> {
                    throw new AssertionError("a validating store is never asked for an X caller's groups");
                });
        MechanismHarness b = browser(new GroupSource(List.of(admins, validating, first)));
        MechanismHarness.Exchange back = login(b);
        assertEquals(Set.of("user", "tweet.read", "users.read", "admin", "reader"), back.groups);
        assertEquals(List.of("first", "admins:2244994945:2244994945:passerine-x:[tweet.read, user, users.read]"),
                asked);
        assertEquals(Set.of("user", "tweet.read", "users.read", "admin", "reader"),
                b.get("/ctx/other", null, true).groups, "kept in the session for later requests");
        assertEquals(2, asked.size(), "asked once per login, not per request");
    }

    @Test
    void aFailingIdentityStoreFailsTheLoginCleanly() {
        IdentityStore broken = new Store(0, EnumSet.of(IdentityStore.ValidationType.PROVIDE_GROUPS), r -> {
            throw new IllegalStateException("database down");
        });
        MechanismHarness b = browser(new GroupSource(List.of(broken)));
        MechanismHarness.Exchange start = b.get("/ctx/me", null, true);
        MechanismHarness.Exchange back = b.get(CALLBACK, "code=c&state=" + state(start), false);
        assertEquals(502, back.status);
        assertNull(back.principal);
        assertNull(b.get("/ctx/public", null, false).principal, "no login without its roles");
        assertThrows(IllegalStateException.class, () -> broken.getCallerGroups(null));
    }

    /** A test identity store. */
    private record Store(int priority, Set<ValidationType> validationTypes,
            java.util.function.Function<CredentialValidationResult, Set<String>> groups) implements IdentityStore {

        @Override
        public Set<String> getCallerGroups(CredentialValidationResult r) {
            return groups.apply(r);
        }
    }
}
