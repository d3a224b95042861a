package io.passerine.apponly;

import io.passerine.api.BearerToken;
import io.passerine.api.BearerFilter;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Puts the app-only bearer token on outgoing JAX-RS client requests (RFC 6750 §2.1) and, when the API answers 401,
 * discards that token and sends the request once more with a fresh one — once, never in a loop. Like every Passerine
 * API filter it also records X's rate-limit headers and applies the 429/5xx policy ({@link BearerFilter}).
 *
 * <p>Register it on a JAX-RS client ({@code client.register(new AppOnlyBearerFilter(tokens))}) or on a MicroProfile
 * Rest Client interface ({@code @RegisterProvider(AppOnlyBearerFilter.class)}: the no-argument constructor uses the
 * default client from CDI). JAX-RS wraps what a filter throws in a {@code ProcessingException}: its cause is the
 * typed {@link io.passerine.ProviderException}.
 */
public class AppOnlyBearerFilter extends BearerFilter {

    private volatile AppOnlyTokenClient tokens;

    /** Uses the default {@link AppOnlyTokenClient} of the current CDI container. */
    public AppOnlyBearerFilter() {
    }

    /** @param tokens the client whose token the filter sends (e.g. a named one) */
    public AppOnlyBearerFilter(AppOnlyTokenClient tokens) {
        this.tokens = tokens;
    }

    @Override
    protected BearerToken credential() {
        return tokens().token();
    }

    @Override
    protected String client(BearerToken token) {
        String name = tokens().name();
        return name.isEmpty() ? "app-only" : "app-only:" + name;
    }

    @Override
    protected boolean rejected(BearerToken token) {
        tokens().discard(token);
        return true;
    }

    private AppOnlyTokenClient tokens() {
        AppOnlyTokenClient t = tokens;
        if (t == null) {
            t = CDI.current().select(AppOnlyTokenClient.class).get();
            tokens = t;
        }
        return t;
    }
}
