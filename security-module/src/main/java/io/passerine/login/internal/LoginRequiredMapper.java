package io.passerine.login.internal;

import io.passerine.login.LoginRequiredException;
import io.passerine.login.StepUp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Answers {@link LoginRequiredException} from a JAX-RS resource with a 302 to a new login, back here afterwards (a
 * request that is not a browser navigation gets the 401 of {@link LoginChallenge} instead). The
 * Location is a raw same-origin path: {@code Response.location(URI)} would resolve it against the JAX-RS base URI.
 */
@Provider
public class LoginRequiredMapper implements ExceptionMapper<LoginRequiredException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(LoginRequiredException e) {
        if (LoginChallenge.isApi(request)) { // fetch/XHR: 401 + challenge, a redirect to X would be useless
            return LoginChallenge.jaxrs(request);
        }
        return Response.status(Response.Status.FOUND).header("Location", StepUp.loginUri(request, Set.of()))
                .header("Cache-Control", "no-store").build();
    }
}
