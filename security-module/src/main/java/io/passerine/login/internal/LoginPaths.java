package io.passerine.login.internal;

/** The context-relative paths the X login mechanism answers itself (besides the redirect URI's). */
public final class LoginPaths {

    /** Starts a login (step-up): {@code ?scope=...&return=...}. */
    public static final String LOGIN = "/oauth2/login";
    /** The logout (POST from the application's own origin). */
    public static final String LOGOUT = "/oauth2/logout";

    private LoginPaths() {
    }

    /** Whether {@code uri} is {@code contextPath + path}, without building that string (checked on every request). */
    static boolean is(String uri, String contextPath, String path) {
        return uri.length() == contextPath.length() + path.length() && uri.startsWith(contextPath)
                && uri.startsWith(path, contextPath.length());
    }
}
