package io.passerine.sample;

import io.passerine.api.RateLimitedException;
import io.passerine.http.ProviderException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /sample/api/tweets?ids=...}: public tweets, fetched by an EJB with the app-only token. */
@Path("tweets")
public class TweetsResource {

    @Inject
    TweetService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response tweets(@QueryParam("ids") String ids) {
        if (ids == null || !ids.matches("\\d{1,19}(,\\d{1,19}){0,99}")) {
            return error(400, "ids must be 1 to 100 comma-separated tweet ids");
        }
        try {
            XApi.Answer answer = service.tweets(ids);
            return Response.status(answer.status()).entity(answer.body()).build();
        } catch (RateLimitedException e) {
            Response.ResponseBuilder r = Response.status(429).type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", e.getMessage()).build().toString());
            e.reset().ifPresent(reset -> r.header("Retry-After",
                    Math.max(0, reset.getEpochSecond() - java.time.Instant.now().getEpochSecond())));
            return r.build();
        } catch (ProviderException e) {
            return error(e.failure() == ProviderException.Failure.TIMEOUT ? 504 : 502, e.getMessage());
        }
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
