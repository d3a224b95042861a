package io.passerine.login.internal;

/**
 * The login a new one replaced in the same session ({@link Superseded}): its tokens, dropped, and whether it was the
 * same user's. {@link LoginFlow#loggedIn} revokes what it must ({@link Revoker#supersede}).
 *
 * @param tokens the dropped tokens of the previous login, or null
 * @param sameUser whether the previous login was the same user's (step-up, second login) or anonymous
 */
record PreviousLogin(GrantedTokens tokens, boolean sameUser) {

    /** No previous login in this session. */
    static final PreviousLogin NONE = new PreviousLogin(null, true);

    @Override
    public String toString() {
        return "PreviousLogin[tokens=" + (tokens == null ? "none" : "redacted") + ", sameUser=" + sameUser + "]";
    }
}
