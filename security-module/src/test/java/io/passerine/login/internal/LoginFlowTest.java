package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.ProviderException;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.LoginSettings;
import io.passerine.internal.metrics.Metrics;
import io.passerine.testing.FakeTokenEndpoint;
import io.passerine.testing.FakeTokenEndpoint.Answer;
import io.passerine.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoginFlow} without a server: begin, complete and every way a callback fails, against a fake provider whose
 * received requests are the oracle (no failure may reach the token endpoint before the callback is validated).
 */
class LoginFlowTest {

    static final String TOKEN = "/2/oauth2/token";
    static final String REVOKE = "/2/oauth2/revoke";
    static final String ME = "/2/users/me";
    static final String TOKENS = "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-1\","
            + "\"refresh_token\":\"RT-1\",\"scope\":\"tweet.read users.read\"}";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final FakeTokenEndpoint x;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Metrics metrics = new Metrics() {
        @Override
        public void login(String client) {
            events.add("login:" + client);
        }

        @Override
        public void loginFailure(String client, String reason) {
            events.add("failure:" + reason);
        }
    };
    /** One browser's transactions (the cookie store's one-time rule is {@link CookieTransactionStore}'s). */
    private final PendingLogins pending = new PendingLogins();
    private final TransactionStore store = pending.store(clock);

    LoginFlowTest() throws Exception {
        x = new FakeTokenEndpoint().answer(TOKEN, Answer.json(200, TOKENS))
                .answer(REVOKE, Answer.json(200, "{\"revoked\":true}"))
                .answer(ME, Answer.json(200, "{\"data\":{\"id\":\"2244994945\",\"username\":\"XDevelopers\"}}"));
    }

    @AfterEach
    void stop() {
        x.close();
    }

    private LoginFlow flow(Map<String, String> extra, AppGroups groups) {
        Map<String, String> m = new HashMap<>();
        m.put("passerine.login.client-id", "client-1");
        m.put("passerine.login.client-secret", "s3cr3t-value");
        m.put("passerine.login.redirect-uri", "https://app.example/ctx/oauth2/callback");
        m.put("passerine.login.token-uri", x.uri(TOKEN).toString());
        m.put("passerine.login.revoke-uri", x.uri(REVOKE).toString());
        m.put("passerine.login.userinfo-uri", x.uri(ME).toString());
        m.put("passerine.login.default-groups", "user");
        m.put("passerine.login.read-timeout", "1s");
        m.putAll(extra);
        LoginSettings settings = LoginSettings.from(ConfigReader.of(m));
        return LoginAssembly.of(settings, ClusterSettings.NONE, clock, metrics, groups).flow();
    }

    private LoginFlow flow() {
        return flow(Map.of(), AppGroups.NONE);
    }

    private static Map<String, List<String>> query(URI uri) {
        return URLUtils.parseParameters(uri.getRawQuery());
    }

    /** The callback of the login {@code authorize} started, with {@code params} added (null value: removed). */
    private static Map<String, List<String>> callback(URI authorize, String... params) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("code", new ArrayList<>(List.of("the-code")));
        m.put("state", new ArrayList<>(List.of(query(authorize).get("state").get(0))));
        for (int i = 0; i < params.length; i += 2) {
            if (params[i + 1] == null) {
                m.remove(params[i]);
            } else {
                m.computeIfAbsent(params[i], k -> new ArrayList<>()).add(params[i + 1]);
            }
        }
        return m;
    }

    @Test
    void beginSavesATransactionAndAsksForPkceS256() {
        URI authorize = flow().begin(store, "/ctx/me", List.of("tweet.read", "users.read"), Optional.empty());
        Map<String, List<String>> q = query(authorize);
        assertEquals(List.of("code"), q.get("response_type"));
        assertEquals(List.of("client-1"), q.get("client_id"));
        assertEquals(List.of("S256"), q.get("code_challenge_method"));
        assertEquals(List.of("tweet.read users.read"), q.get("scope"));
        assertEquals(List.of("https://app.example/ctx/oauth2/callback"), q.get("redirect_uri"));
        assertTrue(pending.take(q.get("state").get(0), clock.instant(), Duration.ofMinutes(10)).isPresent(),
                "the transaction is in the store under its state");
        assertEquals(0, x.received().size(), "nothing sent to the provider before the callback");
    }

    @Test
    void completeExchangesTheCodeAsksWhoAndDecidesTheGroups() {
        LoginFlow flow = flow(Map.of(), (user, known) -> {
            assertEquals(Set.of("user", "tweet.read", "users.read"), known, "stores see the groups so far");
            return Set.of("editor");
        });
        URI authorize = flow.begin(store, "/ctx/me?x=1", List.of("tweet.read"), Optional.empty());
        CompletedLogin login = flow.complete(callback(authorize), store);

        assertEquals("2244994945", login.user().principal());
        assertEquals("/ctx/me?x=1", login.returnPath());
        assertEquals(Set.of("user", "tweet.read", "users.read", "editor"), login.groups());
        assertEquals(Set.of("editor"), login.session().appGroups());
        assertEquals(1, x.calls(TOKEN));
        Map<String, List<String>> sent = URLUtils.parseParameters(x.received().get(0).body());
        assertEquals(List.of("authorization_code"), sent.get("grant_type"));
        assertEquals(List.of("the-code"), sent.get("code"));
        assertEquals(List.of("https://app.example/ctx/oauth2/callback"), sent.get("redirect_uri"));
        assertEquals(43, sent.get("code_verifier").get(0).length(), "the PKCE verifier of this transaction");
        assertTrue(x.received().get(0).header("Authorization").startsWith("Basic "), "client_secret_basic");
        assertEquals("Bearer AT-1", x.last().header("Authorization"), "userinfo asked with the new token");
        assertEquals(1, x.calls(ME));
        assertFalse(login.toString().contains("AT-1"), "no token in toString");
    }

    @Test
    void aReplayedCallbackIsRefusedWithoutASecondExchange() {
        LoginFlow flow = flow();
        URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
        flow.complete(callback(authorize), store);
        LoginFailure f = assertThrows(LoginFailure.class, () -> flow.complete(callback(authorize), store));
        assertEquals(400, f.kind().status());
        assertEquals(1, x.calls(TOKEN), "the replay never reached the token endpoint");
    }

    @Test
    void everyBadCallbackFailsBeforeAnyNetworkCall() {
        LoginFlow flow = flow(Map.of("passerine.login.issuer", "https://x.example"), AppGroups.NONE);
        List<String[]> bad = List.of(
                new String[] {"state", null, "iss", "https://x.example"}, // no state
                new String[] {"iss", "https://x.example", "code", "second"}, // a repeated parameter
                new String[] {"iss", "https://evil.example"}, // RFC 9207 mix-up
                new String[] {}, // no iss although the issuer sends one
                new String[] {"iss", "https://x.example", "code", null, "error", "invalid_scope"}); // error param
        for (String[] params : bad) {
            URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
            LoginFailure f = assertThrows(LoginFailure.class, () -> flow.complete(callback(authorize, params), store),
                    String.join(",", params));
            assertEquals(LoginFailure.Kind.BAD_CALLBACK, f.kind(), String.join(",", params));
        }
        LoginFailure unknown = assertThrows(LoginFailure.class, () -> flow.complete(Map.of("state", List.of("nope"),
                "code", List.of("c"), "iss", List.of("https://x.example")), store));
        assertEquals(400, unknown.kind().status(), "a state this browser never had");
        assertEquals(0, x.received().size(), "the provider received nothing");
    }

    @Test
    void aDeclinedConsentIsACancelledLogin() {
        LoginFlow flow = flow();
        URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
        LoginFailure f = assertThrows(LoginFailure.class, () -> flow.complete(callback(authorize, "code", null,
                "error", "access_denied"), store));
        assertEquals(LoginFailure.Kind.CANCELLED, f.kind());
        assertEquals(403, flow.failed(f).kind().status());
        assertEquals(List.of("failure:cancelled"), events);
        assertEquals(0, x.received().size());
    }

    @Test
    void aTokenErrorIsA502WithoutUserinfo() {
        x.answer(TOKEN, Answer.json(400, "{\"error\":\"invalid_grant\"}"));
        LoginFlow flow = flow();
        URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
        ProviderException e = assertThrows(ProviderException.class, () -> flow.complete(callback(authorize), store));
        LoginFailure f = flow.failed(e);
        assertEquals(502, f.kind().status());
        assertFalse(f.getMessage().contains("the-code"), "no code in what the user sees");
        assertEquals(List.of("failure:provider"), events);
        assertEquals(1, x.calls(TOKEN));
        assertEquals(0, x.calls(ME), "no userinfo without tokens");
    }

    @Test
    void aUserinfoFailureFailsTheLogin() {
        x.answer(ME, Answer.json(503, "{\"title\":\"Service Unavailable\"}"));
        LoginFlow flow = flow();
        URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
        ProviderException e = assertThrows(ProviderException.class, () -> flow.complete(callback(authorize), store));
        assertEquals(502, flow.failed(e).kind().status());
        assertEquals(1, x.calls(ME));
    }

    @Test
    void aSlowProviderIsA504() {
        x.answer(TOKEN, Answer.json(200, TOKENS).delayed(3000));
        LoginFlow flow = flow(Map.of("passerine.login.read-timeout", "200ms"), AppGroups.NONE);
        URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
        ProviderException e = assertThrows(ProviderException.class, () -> flow.complete(callback(authorize), store));
        assertEquals(504, flow.failed(e).kind().status());
        assertEquals(List.of("failure:timeout"), events);
    }

    @Test
    void anythingElseIsAGeneric502CountedAsUnexpected() {
        LoginFailure f = flow().failed(new IllegalStateException("cache down: secret-ish detail"));
        assertEquals(502, f.kind().status());
        assertFalse(f.getMessage().contains("secret-ish"), "the exception's text is not shown");
        assertEquals(List.of("failure:unexpected"), events);
    }

    @Test
    void aStoreThatFailsTheLoginFailsIt() {
        LoginFlow flow = flow(Map.of(), (user, known) -> {
            throw new IllegalStateException("store down");
        });
        URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
        assertThrows(IllegalStateException.class, () -> flow.complete(callback(authorize), store),
                "groups that cannot be decided are not silently left out");
    }

    @Test
    void aRefusedQueryIsCountedOnlyAtTheCallback() {
        LoginFlow flow = flow();
        assertEquals(400, flow.refused("The query is too long.", false).kind().status());
        assertEquals(List.of(), events);
        flow.refused("The query is too long.", true);
        assertEquals(List.of("failure:bad_callback"), events);
    }

    @Test
    void loggedInCountsAndRevokesTheOtherUsersTokens() {
        LoginFlow flow = flow();
        URI authorize = flow.begin(store, "/ctx/me", List.of("tweet.read"), Optional.empty());
        CompletedLogin login = flow.complete(callback(authorize), store);
        GrantedTokens old = new GrantedTokens("OLD-AT", null, "OLD-RT", Set.of("tweet.read"));

        flow.loggedIn(login, new PreviousLogin(old, false));
        assertEquals(List.of("login:login"), events);
        List<String> revoked = x.received().stream().filter(r -> r.path().equals(REVOKE))
                .map(r -> URLUtils.parseParameters(r.body()).get("token").get(0)).toList();
        assertEquals(List.of("OLD-RT", "OLD-AT"), revoked, "another user's tokens are revoked whole");

        flow.loggedIn(login, PreviousLogin.NONE);
        assertEquals(2, x.calls(REVOKE), "nothing to revoke without a previous login");
    }

    @Test
    void stepUpAsksForTheGrantedAndTheExtraScopes() {
        LoginFlow flow = flow(Map.of("passerine.login.step-up-scopes", "tweet.write"), AppGroups.NONE);
        StepUpRequest up = flow.stepUp("scope=tweet.write&return=%2Fctx%2Fcompose", "/ctx");
        assertEquals("/ctx/compose", up.returnPath());
        SessionLogin session = new SessionLogin(new UserInfo("1", "1", "a", "A"),
                new GrantedTokens("AT", null, null, Set.of("like.read")), Set.of());
        assertEquals(List.of("tweet.read", "users.read", "offline.access", "like.read", "tweet.write"),
                flow.scopes(session, up.scopes()));
        assertThrows(LoginFailure.class, () -> flow.stepUp("scope=dm.write", "/ctx"), "a scope off the allowlist");
        assertThrows(LoginFailure.class, () -> flow.stepUp("scope=%zz", "/ctx"), "a malformed query");
    }

    @Test
    void loggedOutRevokesWhatTheSessionDropped() {
        LoginFlow flow = flow();
        assertTrue(flow.loggedOut("alice", null), "nothing to revoke");
        assertEquals(0, x.calls(REVOKE));
        assertTrue(flow.loggedOut("alice", new GrantedTokens("AT", null, "RT", Set.of())));
        assertEquals(2, x.calls(REVOKE));
        x.answer(REVOKE, Answer.json(503, "{}"));
        assertFalse(flow.loggedOut("alice", new GrantedTokens("AT", null, null, Set.of())));
    }
}
