package io.passerine.login;

import io.passerine.api.BearerToken;
import io.passerine.api.BearerFilter;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Puts the logged-in user's access token on outgoing JAX-RS client requests (refreshed first when it expired), for
 * calls to X as that user; records X's per-user rate limits under {@code user:<username>} and applies the 429/5xx
 * policy ({@link BearerFilter}). A 401 is passed on: the user's grant was revoked, and only a new login helps.
 *
 * <p>Use it on the request thread of the user's request: {@code client.register(new UserBearerFilter())} (the
 * request-scoped {@link CurrentUser} from CDI), {@code new UserBearerFilter(tokens)}, or on a MicroProfile Rest Client
 * interface with {@code @RegisterProvider(UserBearerFilter.class)}.
 */
public class UserBearerFilter extends BearerFilter {

    private final CurrentUser tokens;

    /** For JAX-RS and MicroProfile Rest Client registration: the current user is looked up per request (CDI). */
    public UserBearerFilter() {
        this(null);
    }

    /** @param tokens the current user whose access token is sent (null: looked up per request through CDI) */
    public UserBearerFilter(CurrentUser tokens) {
        this.tokens = tokens;
    }

    @Override
    protected BearerToken credential() {
        return tokens().accessToken();
    }

    @Override
    protected String client(BearerToken token) {
        return "user:" + tokens().username();
    }

    @Override
    protected boolean rejected(BearerToken token) {
        return false;
    }

    private CurrentUser tokens() {
        return tokens != null ? tokens : CDI.current().select(CurrentUser.class).get();
    }
}
