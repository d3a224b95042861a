package io.passerine.sample.login;

import io.passerine.api.RateLimits;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code /api/user-tweets}: calls {@link UserXApi} for the logged-in user (protected by web.xml; test app). */
@RequestScoped
@Path("user-tweets")
public class UserApiResource {

    @Inject
    @RestClient
    UserXApi x;

    @Inject
    RateLimits limits;

    @GET
    public String tweets(@QueryParam("ids") String ids) {
        try {
            return x.tweets(ids);
        } catch (WebApplicationException e) {
            return "API answered " + e.getResponse().getStatus();
        }
    }

    @GET
    @Path("quota")
    public String quota() {
        return limits.snapshot().toString();
    }
}
