package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.login.StepUp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link StepUp} (public API, outside a container: no CDI, so every API-detection signal counts): where it sends the
 * browser, and that a script gets a 401 challenge instead of a redirect.
 */
class StepUpTest {

    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> response = new HashMap<>();
    private SessionLogin login;

    private HttpServletRequest request(String uri, String query) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpSession.class}, (p, m, args) -> m.getName().equals("getAttribute")
                        && LoginAttribute.ATTRIBUTE.equals(args[0]) ? login : null);
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getContextPath" -> "/ctx";
                    case "getSession" -> login == null ? null : session;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> null;
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "sendRedirect" -> response.put("redirect", args[0]);
                        case "setStatus" -> response.put("status", args[0]);
                        case "setHeader" -> response.put((String) args[0], args[1]);
                        case "getWriter" -> {
                            return new java.io.PrintWriter(new java.io.StringWriter());
                        }
                        default -> {
                        }
                    }
                    return null;
                });
    }

    private void loggedInWith(String... scopes) {
        login = new SessionLogin(new UserInfo("1", "1", "u", "U"), new GrantedTokens("AT", null, null,
                Set.of(scopes)));
    }

    @Test
    void theLoginUriAsksForTheScopesAndComesBackHere() {
        assertEquals("/ctx/oauth2/login?scope=tweet.write%20like.write&return=%2Fctx%2Fcompose%3Fdraft%3D1",
                StepUp.loginUri(request("/ctx/compose", "draft=1"), new java.util.LinkedHashSet<>(
                        java.util.List.of("tweet.write", "like.write"))));
        assertEquals("/ctx/oauth2/login?return=%2Fctx%2Fme", StepUp.loginUri(request("/ctx/me", null), Set.of()));
    }

    @Test
    void grantedScopesNeedNoRedirect() throws Exception {
        loggedInWith("tweet.read", "tweet.write");
        assertEquals(Optional.empty(), StepUp.redirectFor(request("/ctx/compose", null), "tweet.write"));
        assertTrue(StepUp.require(request("/ctx/compose", null), response(), "tweet.write"));
        assertTrue(response.isEmpty(), "nothing sent");
    }

    @Test
    void aMissingScopeSendsTheBrowserToTheLogin() throws Exception {
        loggedInWith("tweet.read");
        assertFalse(StepUp.require(request("/ctx/compose", null), response(), "tweet.write"));
        assertEquals("/ctx/oauth2/login?scope=tweet.write&return=%2Fctx%2Fcompose", response.get("redirect"));
    }

    @Test
    void nobodyLoggedInIsSentToTheLoginToo() {
        assertEquals(Optional.of("/ctx/oauth2/login?scope=tweet.read&return=%2Fctx%2Fme"),
                StepUp.redirectFor(request("/ctx/me", null), "tweet.read"));
    }

    @Test
    void aScriptGetsAChallengeNotARedirect() throws Exception {
        headers.put("Sec-Fetch-Mode", "cors");
        assertFalse(StepUp.require(request("/ctx/compose", null), response(), "tweet.write"));
        assertNull(response.get("redirect"));
        assertEquals(401, response.get("status"));
        assertTrue(((String) response.get("WWW-Authenticate")).startsWith("OAuth2-Login realm=\"/ctx\""),
                response.toString());

        response.clear();
        StepUp.login(request("/ctx/me", null), response());
        assertEquals(401, response.get("status"));
        headers.clear();
        StepUp.login(request("/ctx/me", null), response());
        assertEquals("/ctx/oauth2/login?return=%2Fctx%2Fme", response.get("redirect"));
    }
}
