package io.passerine.emulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * X's user-context token endpoints: {@code POST /2/oauth2/token} and {@code POST /2/oauth2/revoke}, both with form
 * bodies (RFC 6749 section 4.1.3, RFC 7009 section 2.1).
 */
@RequestScoped
@Path("/2/oauth2")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class OAuth2Resource {

    @Inject
    ConfiguredEmulator runtime;

    @POST
    @Path("token")
    public Response token(MultivaluedMap<String, String> form,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().oauth().token(Replies.first(form), authorization));
    }

    @POST
    @Path("revoke")
    public Response revoke(MultivaluedMap<String, String> form,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().oauth().revoke(Replies.first(form), authorization));
    }
}
