package io.passerine.sample.xsdk;

import com.twitter.clientlib.ApiException;
import com.twitter.clientlib.api.TwitterApi;
import com.twitter.clientlib.model.Get2TweetsResponse;
import com.twitter.clientlib.model.Problem;
import com.twitter.clientlib.model.Tweet;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.api.BearerToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The README's recipe, deployed: X's SDK calls X's API with Passerine's app-only token ({@code /api/sdk/tweets}); a
 * 401 (the token was invalidated elsewhere) discards that token and retries once with a fresh one.
 */
@RequestScoped
@Path("sdk")
public class SdkAppResource {

    /** A call through X's SDK. */
    @FunctionalInterface
    interface SdkCall<T> {
        T apply(TwitterApi api) throws ApiException;
    }

    @Inject
    AppOnlyTokenClient tokens;

    @Inject
    @ConfigProperty(name = "test.api-base")
    String base;

    @GET
    @Path("tweets")
    public String tweets(@QueryParam("ids") String ids) {
        try {
            Get2TweetsResponse r = withAppToken(api -> api.tweets().findTweetsById(List.of(ids.split(","))).execute());
            String found = r.getData() == null ? "" : r.getData().stream().map(Tweet::getId)
                    .collect(Collectors.joining(","));
            return "data=" + found + " errors=" + (r.getErrors() == null ? 0 : r.getErrors().size());
        } catch (ApiException e) {
            Object problem = e.getErrorObject() == null ? null : e.getErrorObject().getActualInstance();
            return "ApiException " + e.getCode() + " " + (problem instanceof Problem p ? p.getTitle() : "unparsed");
        }
    }

    /** Runs {@code call} with the app's token; after a 401 drops exactly that token and runs it once more. */
    <T> T withAppToken(SdkCall<T> call) throws ApiException {
        BearerToken token = tokens.token();
        try {
            return call.apply(XSdk.appOnly(base, token.value()));
        } catch (ApiException e) {
            if (e.getCode() != 401) {
                throw e;
            }
            tokens.discard(token);
            return call.apply(XSdk.appOnly(base, tokens.token().value()));
        }
    }

    /** JAX-RS under {@code /api}. */
    @ApplicationPath("api")
    public static class SdkApplication extends Application {
    }
}
