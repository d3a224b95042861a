package io.passerine.sample.apponly;

import io.passerine.apponly.AppOnlyBearerFilter;
import io.passerine.apponly.AppOnlyTokenClient;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** An EJB that reads tweets from the provider with the injected app-only token (test deployment). */
@Stateless
public class TweetsBean {

    @Inject
    AppOnlyTokenClient tokens;

    @Inject
    @ConfigProperty(name = "test.api-base")
    String apiBase;

    public String tweets(String ids) {
        Client client = ClientBuilder.newClient().register(new AppOnlyBearerFilter(tokens));
        try {
            return client.target(apiBase).path("2/tweets").queryParam("ids", ids).request().get(String.class);
        } finally {
            client.close();
        }
    }

    public AppOnlyTokenClient tokens() {
        return tokens;
    }
}
