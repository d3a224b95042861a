package io.passerine.login.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Where the logged-in user's {@link SessionTokens} live: one attribute of the HTTP session. */
public final class LoginSessions {

    static final String ATTRIBUTE = "io.passerine.login.tokens";

    private LoginSessions() {
    }

    /** The session's login, or null (no session, never logged in, or tokens dropped). */
    public static SessionTokens get(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SessionTokens st) || st.peek() == null) {
            return null;
        }
        return st;
    }

    /**
     * The session's login record even when its tokens were dropped (rejected refresh): whose session this is.
     * Null without a session or a login.
     */
    static SessionTokens owner(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof SessionTokens st ? st : null;
    }

    public static void put(HttpServletRequest request, SessionTokens tokens) {
        request.getSession(true).setAttribute(ATTRIBUTE, tokens);
    }

    /** Re-sets the attribute after a change (refresh), so replicating session managers see it. */
    public static void touch(HttpServletRequest request, SessionTokens tokens) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, tokens);
        }
    }
}
