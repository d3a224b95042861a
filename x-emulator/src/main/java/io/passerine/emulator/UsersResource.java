package io.passerine.emulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /2/users/me}: the user behind a user-context token. */
@RequestScoped
@Path("/2/users")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class UsersResource {

    @Inject
    ConfiguredEmulator runtime;

    @GET
    @Path("me")
    public Response me(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().api().usersMe(authorization, Replies.query(uri)));
    }
}
