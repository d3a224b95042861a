package io.passerine.sample.apponly;

import io.passerine.apponly.AppOnlyBearerFilter;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.ProviderException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** An EJB that reads tweets from the provider with the injected app-only token (test deployment). */
@Stateless
public class TweetsBean {

    /** What the API answered. */
    public record ApiResult(int status, String body) {
    }

    @Inject
    AppOnlyTokenClient tokens;

    @Inject
    @ConfigProperty(name = "test.api-base")
    String apiBase;

    public ApiResult tweets(String ids) {
        Client client = ClientBuilder.newClient().register(new AppOnlyBearerFilter(tokens));
        try (Response r = client.target(apiBase).path("2/tweets").queryParam("ids", ids).request().get()) {
            return new ApiResult(r.getStatus(), r.readEntity(String.class));
        } catch (ProcessingException e) {
            // JAX-RS wraps what a client filter throws; the cause is the typed token failure
            if (e.getCause() instanceof ProviderException pe) {
                throw pe;
            }
            throw e;
        } finally {
            client.close();
        }
    }

    public AppOnlyTokenClient tokens() {
        return tokens;
    }
}
