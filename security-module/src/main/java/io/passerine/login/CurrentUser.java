package io.passerine.login;

import io.passerine.api.BearerToken;
import java.util.Set;

/**
 * The logged-in user of this request and their tokens ({@code @Inject CurrentUser tokens;}, request scoped). The
 * tokens stay in the server-side session; {@link #accessToken()} refreshes an expired access token once per session
 * (single flight) when a refresh token exists.
 */
public interface CurrentUser {

    /** {@return whether this request belongs to a logged-in session} */
    boolean loggedIn();

    /**
     * {@return the caller principal's name} It is the {@code passerine.login.principal-claim} of the user; by
     * default X's user id, which never changes hands, unlike a username.
     *
     * @throws LoginRequiredException when not logged in
     */
    String principal();

    /**
     * {@return X's user id ({@code data.id})}: the stable key to store per user.
     *
     * @throws LoginRequiredException when not logged in
     */
    String id();

    /**
     * {@return the same as {@link #id()}}
     *
     * @throws LoginRequiredException when not logged in
     */
    default String userId() {
        return id();
    }

    /**
     * {@return X's username ({@code data.username})}, for display: a user can rename it, and someone else can then
     * take the old one, so never key data or roles on it.
     *
     * @throws LoginRequiredException when not logged in
     */
    String username();

    /**
     * {@return X's display name ({@code data.name})}
     *
     * @throws LoginRequiredException when not logged in
     */
    String name();

    /** {@return the scopes the user granted; empty when not logged in} */
    Set<String> scopes();

    /**
     * @param required scopes, e.g. {@code "tweet.write"}
     * @return whether every one of {@code required} was granted
     */
    default boolean hasScopes(String... required) {
        return scopes().containsAll(Set.of(required));
    }

    /**
     * {@return a valid access token}, refreshed first when it is expired (within the configured skew).
     *
     * @throws LoginRequiredException not logged in, expired without refresh token, or refresh rejected
     * @throws io.passerine.ProviderException the refresh failed for a transient reason (timeout, 5xx)
     */
    BearerToken accessToken();
}
