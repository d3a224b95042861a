package io.passerine.login.internal;

import io.passerine.login.RequiresScopes;
import io.passerine.login.StepUp;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enforces {@link RequiresScopes} on JAX-RS resources: a missing scope sends the browser (302) through the login
 * asking for the granted plus the required scopes, then back to the resource (a request that is not a browser
 * navigation gets the 401 of {@link LoginChallenge}). Does nothing in applications without
 * the X login.
 */
@Provider
@RequiresScopes({})
@Priority(Priorities.AUTHORIZATION)
public class RequiresScopesFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext rc) {
        if (!LoginBeans.enabled()) {
            return;
        }
        Set<String> required = new LinkedHashSet<>();
        for (AnnotatedElement e : List.of(resource.getResourceClass(), resource.getResourceMethod())) {
            RequiresScopes rs = e.getAnnotation(RequiresScopes.class);
            if (rs != null) {
                required.addAll(List.of(rs.value()));
            }
        }
        Optional<String> redirect = StepUp.redirectFor(request, required.toArray(String[]::new));
        if (redirect.isPresent() && LoginChallenge.isApi(request)) {
            rc.abortWith(LoginChallenge.jaxrs(request)); // fetch/XHR: 401 + challenge
            return;
        }
        redirect.ifPresent(r -> StepUp.keepForm(request)); // a form POST's parameters come back after the step-up
        redirect.ifPresent(r -> rc.abortWith(Response.status(Response.Status.FOUND).header("Location", r)
                .header("Cache-Control", "no-store").build()));
    }
}
