package io.passerine.emulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** X's app-only endpoints: {@code POST /oauth2/token} (client_credentials) and {@code POST /oauth2/invalidate_token}. */
@RequestScoped
@Path("/oauth2")
@Produces(MediaType.APPLICATION_JSON)
public class AppOnlyResource {

    @Inject
    ConfiguredEmulator runtime;

    @POST
    @Path("token")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Response token(MultivaluedMap<String, String> form,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().appOnly().token(Replies.first(form), authorization));
    }

    @POST
    @Path("invalidate_token")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Response invalidate(MultivaluedMap<String, String> form, @QueryParam("access_token") String fromQuery,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Map<String, String> body = Replies.first(form);
        String token = body.getOrDefault("access_token", fromQuery);
        return Replies.toResponse(runtime.state().appOnly().invalidate(token, authorization));
    }
}
