package io.passerine.login.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;

/**
 * What a completing login does to the session it arrives in (checklist 25), before the container is told about the
 * new caller:
 * <ul>
 * <li>a session of <em>another</em> user (account switch) ends entirely: the new user gets a new session and nothing
 * of the old one carries over (on Liberty, reusing it fails with SESN0008E, "session owned by another user");</li>
 * <li>the same user's session (step-up, a second login) or an anonymous one keeps its attributes under a new id
 * (no session fixation).</li>
 * </ul>
 * The tokens the old login held are then revoked by {@link LoginFlow#loggedIn} ({@link Revoker#supersede}).
 */
final class Superseded {

    private static final System.Logger LOG = System.getLogger(Superseded.class.getName());

    private Superseded() {
    }

    /** Ends or renews the request's session for {@code user}'s login; returns what it replaced. */
    static PreviousLogin endOrRenew(HttpServletRequest req, UserInfo user) {
        HttpSession session = req.getSession(false);
        if (session == null) {
            return PreviousLogin.NONE;
        }
        SessionLogin previous = LoginAttribute.owner(req);
        boolean sameUser = previous == null || previous.user().principal().equals(user.principal());
        GrantedTokens old = previous == null ? null : previous.drop();
        if (sameUser) {
            req.changeSessionId();
        } else {
            LOG.log(Level.INFO, "X login of {0} in the session of {1}: that session ends", user.principal(),
                    previous.user().principal());
            session.invalidate();
        }
        return new PreviousLogin(old, sameUser);
    }
}
