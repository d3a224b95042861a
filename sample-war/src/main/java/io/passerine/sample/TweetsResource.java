package io.passerine.sample;

import io.passerine.ProviderException;
import jakarta.inject.Inject;
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
        if (!TweetsResponses.validIds(ids)) {
            return TweetsResponses.badIds();
        }
        try {
            return TweetsResponses.of(service.tweets(ids));
        } catch (ProviderException e) {
            return TweetsResponses.of(e);
        }
    }
}
