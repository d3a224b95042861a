package io.passerine.sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /sample/api/about}: what this application is; public. */
@Path("about")
public class AboutResource {

    /** The JSON body of the about endpoint. */
    public record About(String name, String module) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public About about() {
        return new About("Passerine sample", "passerine-security");
    }
}
