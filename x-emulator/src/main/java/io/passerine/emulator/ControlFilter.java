package io.passerine.emulator;

import io.passerine.emulator.core.ControlGuard;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Guards every {@link ControlSurface} resource after JAX-RS matched it (so no spelling of the path gets around it):
 * 404 when the surface is off, 403 without the right {@value ControlGuard#HEADER}, 415 for a body that is not
 * {@code application/json} ({@link ControlGuard}).
 */
@Provider
@ControlSurface
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ControlFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(ControlFilter.class.getName());

    @Inject
    ConfiguredEmulator runtime;

    @Override
    public void filter(ContainerRequestContext request) {
        ControlGuard.Verdict v = runtime.controlGuard().check(request.getMethod(),
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), request.getHeaderString(ControlGuard.HEADER));
        switch (v) {
            case ALLOW -> {
            }
            case NOT_FOUND -> request.abortWith(Response.status(404).build());
            default -> {
                LOG.warning(() -> "x-emulator control call refused (HTTP " + v.status() + "): " + request.getMethod()
                        + " /" + request.getUriInfo().getPath());
                String why = v == ControlGuard.Verdict.FORBIDDEN
                        ? "missing or wrong " + ControlGuard.HEADER : "control calls take application/json only";
                request.abortWith(Response.status(v.status()).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Replies.json(Map.of("error", why))).build());
            }
        }
    }
}
