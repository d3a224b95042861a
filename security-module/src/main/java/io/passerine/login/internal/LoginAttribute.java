package io.passerine.login.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Where the logged-in user's {@link SessionLogin} live: one attribute of the HTTP session. */
public final class LoginAttribute {

    static final String ATTRIBUTE = "io.passerine.login.tokens";

    private LoginAttribute() {
    }

    /** The session's login, or null (no session, never logged in, or tokens dropped). */
    public static SessionLogin get(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SessionLogin st) || st.peek() == null) {
            return null;
        }
        return st;
    }

    /**
     * The session's login record even when its tokens were dropped (rejected refresh): whose session this is.
     * Null without a session or a login.
     */
    static SessionLogin owner(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof SessionLogin st ? st : null;
    }

    public static void put(HttpServletRequest request, SessionLogin tokens) {
        request.getSession(true).setAttribute(ATTRIBUTE, tokens);
    }

    /** Re-sets the attribute after a change (refresh), so replicating session managers see it. */
    static void touch(HttpServletRequest request, SessionLogin tokens) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, tokens);
        }
    }
}
