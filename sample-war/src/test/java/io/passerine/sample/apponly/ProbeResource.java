package io.passerine.sample.apponly;

import io.passerine.apponly.AppOnly;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.ProviderException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A JAX-RS resource of the test deployment: injects the default and a named client and the EJB. */
@RequestScoped
@Path("probe")
public class ProbeResource {

    /** The test deployment's JAX-RS application. */
    @ApplicationPath("api")
    public static class ProbeApplication extends Application {
    }

    @Inject
    AppOnlyTokenClient tokens;

    @Inject
    @AppOnly("second")
    AppOnlyTokenClient second;

    @Inject
    TweetsBean bean;

    @GET
    @Path("tweets")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tweets(@QueryParam("ids") String ids) {
        try {
            TweetsBean.ApiResult api = bean.tweets(ids);
            return api.status() == 200 ? Response.ok(api.body()).build()
                    : Response.status(502).type(MediaType.TEXT_PLAIN).entity("API answered " + api.status()).build();
        } catch (ProviderException e) {
            return Response.status(502).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
    }

    /** Whether the resource and the EJB share one client, and which clients are named what. */
    @GET
    @Path("clients")
    @Produces(MediaType.TEXT_PLAIN)
    public String clients() {
        return "same=" + (tokens == bean.tokens()) + " default='" + tokens.name() + "' second='" + second.name()
                + "' distinct=" + (tokens != second);
    }

    @POST
    @Path("invalidate")
    public Response invalidate() {
        tokens.invalidate();
        return Response.noContent().build();
    }
}
