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
 * of the session lookup alone can be measured. Moonshot variant (issue 18): the cookie {@code floor=register} also
 * asks the container to register the login ({@code setRegisterSession}, what {@code @AutoApplySession} does); with
 * Liberty's {@code useLtpaSSOForJaspic} the LTPA cookie it then sets lets later requests in without this mechanism
 * (a request with only that cookie would get 401 here). Anything else on a protected URL: 401. A request with a
 * query string gets the header {@code X-Floor-Mechanism: called}, so a probe can tell whether the container called
 * this mechanism at all.
 */
@ApplicationScoped
public class FloorMechanism implements HttpAuthenticationMechanism {

    private static final Set<String> GROUPS = Set.of("user");
    private static final String CALLER = "floor-user";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        if (req.getQueryString() != null) {
            res.setHeader("X-Floor-Mechanism", "called");
        }
        String cookie = req.getHeader("Cookie");
        if (cookie != null && cookie.contains("floor=1")) {
            return ctx.notifyContainerAboutLogin(CALLER, GROUPS);
        }
        if (cookie != null && cookie.contains("floor=register")) {
            ctx.setRegisterSession(CALLER, GROUPS);
            return ctx.notifyContainerAboutLogin(CALLER, GROUPS);
        }
        HttpSession session = req.getSession(false);
        if (session != null && session.getAttribute(SessionResource.ATTRIBUTE) instanceof String caller) {
            return ctx.notifyContainerAboutLogin(caller, GROUPS);
        }
        return ctx.isProtected() ? ctx.responseUnauthorized() : ctx.doNothing();
    }
}
