package io.passerine.login.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A callback the flow accepted and completed (RFC 6749 §4.1.2-§4.1.4): whose transaction it ended, who the user is,
 * the tokens granted, and the caller's groups. What remains is container work: the session, telling the container.
 *
 * @param transaction the login transaction the callback ended (return path, kept form)
 * @param user the user the userinfo endpoint named
 * @param tokens the tokens of the code exchange
 * @param groups every group of the caller: default groups, granted scopes and {@code appGroups}
 * @param appGroups the groups the application's identity stores added
 */
record CompletedLogin(LoginTransaction transaction, UserInfo user, GrantedTokens tokens, Set<String> groups,
        Set<String> appGroups) {

    CompletedLogin {
        groups = new LinkedHashSet<>(groups); // the container gets a mutable set, as before
        appGroups = Set.copyOf(appGroups);
    }

    /** Where the browser goes after the login. */
    String returnPath() {
        return transaction.returnPath();
    }

    /** The session attribute of this login. */
    SessionLogin session() {
        return new SessionLogin(user, tokens, appGroups);
    }

    @Override
    public String toString() {
        return "CompletedLogin[" + user.principal() + ", scopes=" + tokens.scopes() + "]";
    }
}
