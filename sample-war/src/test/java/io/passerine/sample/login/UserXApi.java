package io.passerine.sample.login;

import io.passerine.login.UserBearerFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** X's tweet lookup as the logged-in user, as a MicroProfile Rest Client with Passerine's user filter (test app). */
@RegisterRestClient(configKey = "x-user")
@RegisterProvider(UserBearerFilter.class)
@Path("/2")
public interface UserXApi {

    @GET
    @Path("/tweets")
    String tweets(@QueryParam("ids") String ids);
}
