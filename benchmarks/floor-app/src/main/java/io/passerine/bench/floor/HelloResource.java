package io.passerine.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The same endpoint twice: {@code /api/open/hello} (unprotected) and {@code /api/secure/hello} (protected). */
@ApplicationScoped
@Path("")
public class HelloResource {

    private static final String BODY = "hello\n";

    @GET
    @Path("open/hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String open() {
        return BODY;
    }

    @GET
    @Path("secure/hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String secure() {
        return BODY;
    }
}
