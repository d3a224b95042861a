package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.passerine.login.LoginRequiredException;
import io.passerine.testing.MutableClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: cluster nodes run {@code writeContents="ONLY_SET_ATTRIBUTES"}, so only a {@code setAttribute} reaches the
 * other nodes. Every change of a session's login must be re-set; a request that changes nothing sets nothing.
 */
class SessionWritesTest {

    static final UserInfo USER = new UserInfo("jack", "1", "jack", "Jack");
    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final List<String> writes = new ArrayList<>();
    private FakeProvider provider;
    private SessionLogin st;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider(); // answers no refresh: the grant below has no refresh token anyway
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private SessionCurrentUser view(Duration validFor) {
        st = new SessionLogin(USER, new GrantedTokens("AT-0", clock.instant().plus(validFor), null, Set.of("tweet.read")));
        HttpSession session = proxy(HttpSession.class, (name, args) -> switch (name) {
            case "getAttribute" -> LoginAttribute.ATTRIBUTE.equals(args[0]) ? st : null;
            case "setAttribute" -> {
                writes.add((String) args[0]);
                yield null;
            }
            default -> null;
        });
        HttpServletRequest req = proxy(HttpServletRequest.class,
                (name, args) -> name.equals("getSession") ? session : null);
        LoginAssembly login = LoginAssembly.of(provider.settings(Map.of()), clock);
        return new SessionCurrentUser(req, clock, login.settings().refreshSkew(), login.refresher());
    }

    @Test
    void aRequestThatOnlyReadsTheTokensSetsNothing() {
        SessionCurrentUser v = view(Duration.ofHours(2));
        assertEquals("AT-0", v.accessToken().value());
        assertEquals(List.of(), writes);
    }

    @Test
    void tokensDroppedBecauseALoginIsNeededAreWrittenBack() {
        SessionCurrentUser v = view(Duration.ZERO); // expired, no refresh token: dropped, a new login is needed
        assertThrows(LoginRequiredException.class, () -> v.accessToken());
        assertNull(st.peek());
        assertEquals(List.of(LoginAttribute.ATTRIBUTE), writes, "the other nodes must see the drop");
        assertEquals(0, provider.count("/2/oauth2/token"));
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler h) {
        return type.cast(Proxy.newProxyInstance(SessionWritesTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> m.getDeclaringClass() == Object.class ? (m.getName().equals("equals") ? p == args[0]
                        : m.getName().equals("hashCode") ? System.identityHashCode(p) : "proxy")
                        : h.handle(m.getName(), args)));
    }
}
