package io.passerine.sample.apponly;

import io.passerine.apponly.AppOnlyBearerFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** X's tweet lookup as a MicroProfile Rest Client, with Passerine's app-only filter (test deployment). */
@RegisterRestClient(configKey = "x-api")
@RegisterProvider(AppOnlyBearerFilter.class)
@Path("/2")
public interface XApi {

    @GET
    @Path("/tweets")
    String tweets(@QueryParam("ids") String ids);
}
