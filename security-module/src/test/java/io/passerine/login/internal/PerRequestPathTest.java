package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.testing.MutableClock;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: what the mechanism does on every request of a logged-in session. The caller's group set is built once
 * per token set, not per request, and the saved-form check builds no return path when no form is held.
 */
class PerRequestPathTest {

    static final UserInfo USER = new UserInfo("jack", "1", "jack", "Jack");
    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private FakeProvider provider;

    @AfterEach
    void stop() {
        provider.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
    }

    private LoginAssembly runtime() {
        return LoginAssembly.of(provider.settings(Map.of("passerine.login.default-groups", "user")), clock);
    }

    private GrantedTokens tokens(Duration validFor) {
        return new GrantedTokens("AT-0", clock.instant().plus(validFor), "RT-0", Set.of("tweet.read", "offline.access"));
    }

    @Test
    void theGroupsOfASessionAreBuiltOnceAndSharedByItsRequests() {
        LoginAssembly rt = runtime();
        SessionLogin st = new SessionLogin(USER, tokens(Duration.ofHours(2)), Set.of("admin"));
        Set<String> first = rt.flow().groups(st);
        assertEquals(Set.of("user", "tweet.read", "offline.access", "admin"), first);
        assertSame(first, rt.flow().groups(st), "the second request of the session reuses the set (no allocation)");
        assertThrows(UnsupportedOperationException.class, () -> first.add("x"), "shared, so immutable");
    }

    @Test
    void aRefreshThatNarrowsTheGrantChangesTheGroupsAndDroppedTokensLeaveOnlyTheFixedOnes() throws Exception {
        provider.close();
        provider = new FakeProvider().on("/2/oauth2/token", c -> Reply.json(200,
                "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"AT-1\",\"scope\":\"tweet.read\"}"));
        LoginAssembly rt = runtime();
        SessionLogin st = new SessionLogin(USER, tokens(Duration.ZERO), Set.of("admin"));
        Set<String> before = rt.flow().groups(st);
        st.current(clock, Duration.ofSeconds(60), new Refresher(new TokenEndpoint(
                provider.settings(Map.of()), clock, io.passerine.internal.metrics.Metrics.NONE)));
        Set<String> after = rt.flow().groups(st);
        assertNotSame(before, after);
        assertEquals(Set.of("user", "tweet.read", "admin"), after, "offline.access no longer granted");
        assertEquals(1, provider.count("/2/oauth2/token"));
        st.drop();
        assertEquals(Set.of("user", "admin"), rt.flow().groups(st));
    }

    @Test
    void aRequestOfASessionWithoutAHeldFormBuildsNoReturnPath() {
        LoginAssembly rt = runtime();
        AtomicInteger pathReads = new AtomicInteger();
        HttpSession session = proxy(HttpSession.class, (name, args) -> null); // holds no form
        HttpServletRequest req = proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getMethod" -> "GET";
            case "getSession" -> session;
            case "getRequestURI", "getQueryString" -> {
                pathReads.incrementAndGet();
                yield "/ctx/page";
            }
            default -> null;
        });
        HttpMessageContext ctx = proxy(HttpMessageContext.class, (name, args) -> {
            throw new AssertionError("nothing to restore, yet " + name + " was called");
        });
        rt.forms().restore(req, ctx);
        assertEquals(0, pathReads.get(), "no form held: the request path is not even read");
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler h) {
        return type.cast(Proxy.newProxyInstance(PerRequestPathTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> m.getDeclaringClass() == Object.class ? (m.getName().equals("equals") ? p == args[0]
                        : m.getName().equals("hashCode") ? System.identityHashCode(p) : "proxy")
                        : h.handle(m.getName(), args)));
    }

}
