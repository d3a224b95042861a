package io.passerine.login.internal;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Hardens the session cookie of an application that uses the X login (checklist 30), at startup: {@code HttpOnly},
 * {@code SameSite=Lax} unless the application chose another value (Servlet 6.0 {@link SessionCookieConfig#setAttribute}),
 * and {@code Secure} when {@code passerine.login.redirect-uri} is https. Applications without the login are left
 * alone. The server configurations shipped here set HttpOnly and SameSite as well.
 */
public final class SessionCookieHardening implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(SessionCookieHardening.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        Optional<String> redirect = LoginConfigured.redirectUri(ctx);
        if (redirect.isEmpty()) { // no login here: nothing of ours to harden
            return;
        }
        try {
            SessionCookieConfig cookie = ctx.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
            if ("https".equalsIgnoreCase(URI.create(redirect.get().trim()).getScheme())) {
                cookie.setSecure(true);
            }
        } catch (RuntimeException e) { // an invalid URI is reported at deployment by LoginSettings, naming the key
            LOG.log(Level.DEBUG, "Session cookie left as configured: {0}", e.getClass().getSimpleName());
        }
    }
}
