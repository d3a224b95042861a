package io.passerine.sample.apponly;

import io.passerine.api.RateLimits;
import io.passerine.apponly.AppOnlyTokenClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls {@link XApi} and shows the quota Passerine recorded (test deployment). */
@Path("rc")
@RequestScoped
public class RestClientResource {

    @Inject
    @RestClient
    XApi x;

    @Inject
    RateLimits limits;

    @Inject
    AppOnlyTokenClient tokens;

    @POST
    @Path("invalidate")
    public void invalidate() {
        tokens.invalidate();
    }

    @GET
    @Path("tweets")
    public String tweets(@QueryParam("ids") String ids) {
        try {
            return x.tweets(ids);
        } catch (WebApplicationException e) {
            return "API answered " + e.getResponse().getStatus();
        }
    }

    @GET
    @Path("remaining")
    public String remaining() {
        return limits.current("app-only", "GET /2/tweets")
                .map(l -> l.remaining() + "/" + l.limit()).orElse("none");
    }

    @ApplicationPath("api")
    public static class RestClientApplication extends Application {
    }
}
