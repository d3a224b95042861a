package io.passerine.bench.floor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/open/session}: a session whose attribute makes {@link FloorMechanism} accept it (diagnostic). */
@Path("open/session")
public class SessionResource {

    static final String ATTRIBUTE = "floor.caller";

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String create(@Context HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, "floor-user");
        return "ok\n";
    }
}
