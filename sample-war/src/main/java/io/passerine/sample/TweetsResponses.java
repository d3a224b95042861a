package io.passerine.sample;

import io.passerine.api.RateLimitedException;
import io.passerine.ProviderException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** What the tweets resources answer: X's answer passed through, or a JSON error for bad input and failures. */
final class TweetsResponses {

    private TweetsResponses() {
    }

    /** 1 to 100 comma-separated tweet ids (X's limit for {@code GET /2/tweets}). */
    static boolean validIds(String ids) {
        return ids != null && ids.matches("\\d{1,19}(,\\d{1,19}){0,99}");
    }

    static Response badIds() {
        return error(400, "ids must be 1 to 100 comma-separated tweet ids");
    }

    static Response of(XApi.Answer answer) {
        return Response.status(answer.status()).entity(answer.body()).build();
    }

    /** 429 with Retry-After when X's quota is spent, 504 when no token could be had in time, 502 otherwise. */
    static Response of(ProviderException e) {
        if (e instanceof RateLimitedException limited) {
            Response.ResponseBuilder r = Response.status(429).type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", e.getMessage()).build().toString());
            limited.reset().ifPresent(reset -> r.header("Retry-After",
                    Math.max(0, reset.getEpochSecond() - Instant.now().getEpochSecond())));
            return r.build();
        }
        return error(e.failure() == ProviderException.Failure.TIMEOUT ? 504 : 502, e.getMessage());
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
