package io.passerine.emulator;

import io.passerine.emulator.core.PostBody;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.Set;

/**
 * {@code GET /2/tweets?ids=} and {@code GET /2/tweets/:id} (app-only or user token), {@code POST /2/tweets} (user
 * token with tweet.write).
 */
@RequestScoped
@Path("/2/tweets")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class TweetsResource {

    @Inject
    ConfiguredEmulator runtime;

    @GET
    public Response lookup(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().api().lookupTweets(authorization, Replies.query(uri)));
    }

    @GET
    @Path("{id}")
    public Response byId(@PathParam("id") String id, @Context UriInfo uri,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().api().tweetById(authorization, id, Replies.query(uri)));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Replies.toResponse(runtime.state().api().createTweet(authorization, post(contentType, body)));
    }

    /** What {@code POST /2/tweets} received: JSON or not, an object or not, its members and its text. */
    static PostBody post(String contentType, String body) {
        boolean json = isJson(contentType);
        if (!json || body == null || body.isBlank()) {
            return new PostBody(json, false, Set.of(), null);
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                return new PostBody(true, true, o.keySet(), o.get("text") instanceof JsonString s ? s.getString() : null);
            }
            return new PostBody(true, false, Set.of(), null);
        } catch (JsonException e) {
            return new PostBody(true, false, Set.of(), null);
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
