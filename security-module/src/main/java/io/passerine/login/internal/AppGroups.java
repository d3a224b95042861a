package io.passerine.login.internal;

import java.util.Set;

/**
 * The application's own groups for a user X authenticated (its identity stores: {@link GroupSource}), asked by
 * {@link LoginFlow#complete} once per login. Plain Java, so that the flow is tested without a container.
 */
@FunctionalInterface
interface AppGroups {

    /** No application groups. */
    AppGroups NONE = (user, known) -> Set.of();

    /**
     * @param user the user the provider named
     * @param known the groups so far (default groups and granted scopes), shown to the application
     * @return the extra groups, never null; a failure fails the login
     */
    Set<String> groupsOf(UserInfo user, Set<String> known);
}
