package io.passerine.apponly;

import io.passerine.api.BearerToken;
import io.passerine.ProviderException;
import java.util.concurrent.CompletionStage;

/**
 * The app's own bearer token (OAuth 2.0 client credentials grant, RFC 6749 §4.4; X's "App-only Bearer Token"),
 * fetched on first use, cached, renewed ahead of expiry when it has one, shared by all callers.
 *
 * <p>Inject it anywhere: {@code @Inject AppOnlyTokenClient tokens;} for the default client
 * ({@code passerine.app-only.*}), {@code @Inject @AppOnly("reports") AppOnlyTokenClient reports;} for a named one
 * ({@code passerine.app-only.reports.*}). Thread-safe; the cached path takes no lock and allocates nothing.
 */
public interface AppOnlyTokenClient {

    /**
     * The current token. Concurrent callers at cold start or renewal cause exactly one token request and wait for it.
     *
     * @return the app's bearer token
     * @throws ProviderException when the token endpoint fails; every waiting caller gets it, and no new request is
     *                           made until the backoff has passed ({@link ProviderException#retryAfter()})
     */
    BearerToken token();

    /**
     * The current token without holding the calling thread while it is fetched: for asynchronous JAX-RS resources
     * ({@code AsyncResponse}, a returned {@code CompletionStage}) and asynchronous client calls. With a token cached,
     * an already-completed stage (the same one for every caller until the token changes). At cold start or renewal,
     * all callers, blocking and asynchronous alike, share exactly one token request: it runs on the container's
     * {@code ManagedExecutorService} ({@code java:comp/DefaultManagedExecutorService}) when there is one, else on
     * the library's own two daemon threads, and no thread is parked for an asynchronous caller. Dependent stages
     * attached with the non-{@code Async} methods run on the thread that completes the request; with a managed
     * executor they run in the context of the caller that attached them.
     *
     * @return a stage that completes with the token, or exceptionally with the {@link ProviderException} that
     *         {@link #token()} would throw (dependent stages see it as the cause of a
     *         {@link java.util.concurrent.CompletionException}); it cannot be completed by its holder
     */
    CompletionStage<BearerToken> tokenAsync();

    /**
     * Revokes the current token at the provider (X's {@code invalidate_token} or RFC 7009) and drops it, so the next
     * {@link #token()} fetches a new one. X issues one token per app: this cuts off every server that holds it.
     *
     * @throws ProviderException when the provider refused the revocation (the token is dropped all the same)
     */
    void invalidate();

    /**
     * Drops {@code rejected} from the cache if it is still the cached token, without calling the provider: for an API
     * that answered 401 to it. Concurrent calls with the same rejected token cause one new token request, not many.
     *
     * @param rejected the token the API refused
     */
    void discard(BearerToken rejected);

    /** @return the client's name: "" for the default client */
    String name();
}
