package io.passerine.sample;

import io.passerine.api.RateLimits;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /sample/api/limits}: X's quotas as Passerine's filters saw them, per client and endpoint. */
@Path("limits")
public class RateLimitsResource {

    @Inject
    RateLimits limits;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String limits() {
        JsonObjectBuilder clients = Json.createObjectBuilder();
        limits.snapshot().forEach((client, endpoints) -> {
            JsonObjectBuilder e = Json.createObjectBuilder();
            endpoints.forEach((endpoint, l) -> e.add(endpoint, Json.createObjectBuilder().add("limit", l.limit())
                    .add("remaining", l.remaining()).add("reset", l.reset().toString())));
            clients.add(client, e);
        });
        return clients.build().toString();
    }
}
