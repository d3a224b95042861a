package io.passerine.sample;

import io.passerine.api.RateLimits;
import io.passerine.login.LoginRequiredException;
import io.passerine.login.CurrentUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /sample/api/limits} (login required; anonymous callers are sent to the login): X's quotas as Passerine's
 * filters saw them, per client and endpoint — the app's own ({@code app-only}, {@code app-only:<name>}) and the
 * caller's ({@code user:<username>}), never another user's.
 */
@Path("limits")
public class RateLimitsResource {

    @Inject
    RateLimits limits;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String limits() {
        if (!user.loggedIn()) {
            throw new LoginRequiredException("the rate limits are shown to logged-in users only");
        }
        String caller = "user:" + user.username();
        JsonObjectBuilder clients = Json.createObjectBuilder();
        limits.snapshot().forEach((client, endpoints) -> {
            if (!client.equals(caller) && !client.equals("app-only") && !client.startsWith("app-only:")) {
                return;
            }
            JsonObjectBuilder e = Json.createObjectBuilder();
            endpoints.forEach((endpoint, l) -> e.add(endpoint, Json.createObjectBuilder().add("limit", l.limit())
                    .add("remaining", l.remaining()).add("reset", l.reset().toString())));
            clients.add(client, e);
        });
        return clients.build().toString();
    }
}
