package io.passerine.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

/**
 * The floor of Jakarta Security on a server: the least a mechanism can do to keep a caller authenticated. A request
 * carrying the cookie {@code floor=1} is the fixed caller {@code floor-user} (group {@code user}) — one header read,
 * then {@code notifyContainerAboutLogin}, nothing allocated by the mechanism. Diagnostic variant: a request whose HTTP
 * session holds {@link SessionResource#ATTRIBUTE} (set by {@code /api/open/session}) is that caller too, so the cost
 * of the session lookup alone can be measured. Anything else on a protected URL: 401.
 */
@ApplicationScoped
public class FloorMechanism implements HttpAuthenticationMechanism {

    private static final Set<String> GROUPS = Set.of("user");
    private static final String CALLER = "floor-user";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        String cookie = req.getHeader("Cookie");
        if (cookie != null && cookie.contains("floor=1")) {
            return ctx.notifyContainerAboutLogin(CALLER, GROUPS);
        }
        HttpSession session = req.getSession(false);
        if (session != null && session.getAttribute(SessionResource.ATTRIBUTE) instanceof String caller) {
            return ctx.notifyContainerAboutLogin(caller, GROUPS);
        }
        return ctx.isProtected() ? ctx.responseUnauthorized() : ctx.doNothing();
    }
}
