package io.passerine.sample;

import io.passerine.apponly.AppOnlyBearerFilter;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.ProviderException;
import io.passerine.login.LoginRequiredException;
import io.passerine.login.UserBearerFilter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sample's calls to X's API (or the emulator): as the app (app-only token) or as the logged-in user, each through
 * a Passerine filter that adds the token, records X's rate limits and applies the 429/5xx policy.
 */
@ApplicationScoped
public class XApi {

    /** What the API answered: status and body, passed through. */
    public record Answer(int status, String body) {
    }

    @Inject
    @ConfigProperty(name = "sample.api-base")
    String apiBase;

    @Inject
    AppOnlyTokenClient appTokens;

    private Client asUser;
    private Client asApp;

    @PostConstruct
    void open() {
        asUser = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                .register(new UserBearerFilter()).build();
        asApp = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                .register(new AppOnlyBearerFilter(appTokens)).build();
    }

    @PreDestroy
    void close() {
        asUser.close();
        asApp.close();
    }

    /** {@code GET /2/tweets?ids=...} with the app-only token. */
    public Answer tweetsAsApp(String ids) {
        return call(() -> asApp.target(apiBase).path("2/tweets").queryParam("ids", ids).request().get());
    }

    /**
     * {@code GET /2/tweets?ids=...} with the app-only token, without holding the caller's thread: first the token
     * ({@code tokenAsync()}: at cold start one token request on a managed thread, no thread parked meanwhile), then the
     * call through the {@code rx()} invoker. {@link AppOnlyBearerFilter} runs on the JAX-RS client's thread and finds
     * the token cached by then (JAX-RS request filters are synchronous: they cannot wait without a thread).
     */
    public CompletionStage<Answer> tweetsAsAppAsync(String ids) {
        return appTokens.tokenAsync()
                .thenCompose(token -> asApp.target(apiBase).path("2/tweets").queryParam("ids", ids).request().rx().get())
                .thenApply(r -> {
                    try (r) {
                        return new Answer(r.getStatus(), r.readEntity(String.class));
                    }
                });
    }

    /** The typed failure behind an async call's {@code CompletionException}/{@code ProcessingException} wrappers. */
    public static ProviderException providerFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderException pe) {
                return pe;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new ProviderException(ProviderException.Failure.UNREACHABLE,
                "X API call failed: " + root.getClass().getSimpleName());
    }

    /** {@code GET /2/tweets?ids=...} as the logged-in user of this request (their token, refreshed if needed). */
    public Answer tweetsAsUser(String ids) {
        return call(() -> asUser.target(apiBase).path("2/tweets").queryParam("ids", ids).request().get());
    }

    /** {@code POST /2/tweets {"text":...}} as the logged-in user (needs {@code tweet.write}). */
    public Answer postAsUser(String text) {
        String json = jakarta.json.Json.createObjectBuilder().add("text", text).build().toString();
        WebTarget target = asUser.target(apiBase).path("2/tweets");
        return call(() -> target.request().post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE)));
    }

    private static Answer call(java.util.function.Supplier<Response> request) {
        try (Response r = request.get()) {
            return new Answer(r.getStatus(), r.readEntity(String.class));
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ProviderException pe) {
                throw pe; // no token could be had, or X said 429: a typed, secret-free message
            }
            if (e.getCause() instanceof LoginRequiredException lre) {
                throw lre; // the user's token expired and could not be refreshed
            }
            throw new ProviderException(ProviderException.Failure.UNREACHABLE,
                    "X API call failed: " + e.getClass().getSimpleName());
        }
    }
}
