package io.passerine.sample.login;

import com.twitter.clientlib.ApiException;
import io.passerine.login.CurrentUser;
import io.passerine.sample.xsdk.XSdk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /api/sdk-user/*} (login required): X's official SDK with the logged-in user's access token, which
 * {@link CurrentUser#accessToken()} refreshes first when it is due (test app).
 */
@RequestScoped
@Path("sdk-user")
public class SdkUserResource {

    @Inject
    CurrentUser tokens;

    @Inject
    @ConfigProperty(name = "test.api-base")
    String base;

    @GET
    @Path("me")
    public String me() throws ApiException {
        return XSdk.user(base, tokens.accessToken().value()).users().findMyUser().execute().getData().getUsername();
    }

    @GET
    @Path("tweet")
    public String tweet(@QueryParam("id") String id) throws ApiException {
        return XSdk.user(base, tokens.accessToken().value()).tweets().findTweetById(id).execute().getData().getText();
    }
}
