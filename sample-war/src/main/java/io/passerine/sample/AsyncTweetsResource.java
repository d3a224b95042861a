package io.passerine.sample;

import io.passerine.ProviderException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /sample/api/tweets-async?ids=...}: the same public tweets as {@link TweetsResource}, asynchronously. The
 * resource returns a {@link CompletionStage}, so the request thread goes back to the server at once; the app-only
 * token comes from {@code tokenAsync()} (no thread waits for it at cold start) and X is called with the JAX-RS
 * client's {@code rx()} invoker.
 */
@Path("tweets-async")
public class AsyncTweetsResource {

    @Inject
    XApi api;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> tweets(@QueryParam("ids") String ids) {
        if (!TweetsResponses.validIds(ids)) {
            return CompletableFuture.completedStage(TweetsResponses.badIds());
        }
        return api.tweetsAsAppAsync(ids).handle((answer, failure) -> failure == null ? TweetsResponses.of(answer)
                : TweetsResponses.of(XApi.providerFailure(failure)));
    }
}
