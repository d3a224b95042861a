package io.passerine.emulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** {@code GET /2/tweets?ids=} (app-only or user token) and {@code POST /2/tweets} (user token with tweet.write). */
@RequestScoped
@Path("/2/tweets")
@Produces(MediaType.APPLICATION_JSON)
public class TweetsResource {

    @Inject
    EmulatorRuntime runtime;

    @GET
    public Response lookup(@QueryParam("ids") String ids,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().api().lookupTweets(authorization, ids));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response create(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().api().createTweet(authorization, text(body)));
    }

    /** The {@code text} member of a JSON object, or null when the body is not such an object. */
    static String text(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o && o.get("text") instanceof JsonString s) {
                return s.getString();
            }
            return null;
        } catch (JsonException e) {
            return null;
        }
    }
}
