package io.passerine.login;

import java.util.Set;

/**
 * The logged-in user of this request and their tokens ({@code @Inject UserTokens tokens;}, request scoped). The
 * tokens stay in the server-side session; {@link #accessToken()} refreshes an expired access token once per session
 * (single flight) when a refresh token exists.
 */
public interface UserTokens {

    /** Whether this request belongs to a logged-in session. */
    boolean loggedIn();

    /** X's user id ({@code data.id}). @throws LoginRequiredException when not logged in */
    String userId();

    /** X's username ({@code data.username}). @throws LoginRequiredException when not logged in */
    String username();

    /** X's display name ({@code data.name}). @throws LoginRequiredException when not logged in */
    String name();

    /** The scopes the user granted; empty when not logged in. */
    Set<String> scopes();

    /** Whether every one of {@code required} was granted. */
    default boolean hasScopes(String... required) {
        return scopes().containsAll(Set.of(required));
    }

    /**
     * A valid access token, refreshed first when it is expired (within the configured skew).
     *
     * @throws LoginRequiredException not logged in, expired without refresh token, or refresh rejected
     * @throws io.passerine.http.ProviderException the refresh failed for a transient reason (timeout, 5xx)
     */
    UserAccessToken accessToken();
}
