package io.passerine.login.internal;

import jakarta.servlet.ServletContext;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether an application uses the X login, for the servlet initializers that run before CDI (so before
 * {@link LoginExtension} has validated anything): its {@code passerine.login.redirect-uri}, if it has one.
 */
final class LoginConfigured {

    private LoginConfigured() {
    }

    /** {@return the application's redirect URI as configured; empty without the login or without MicroProfile Config} */
    static Optional<String> redirectUri(ServletContext ctx) {
        try {
            return ConfigProvider.getConfig(ctx.getClassLoader())
                    .getOptionalValue("passerine.login.redirect-uri", String.class);
        } catch (RuntimeException e) { // no MicroProfile Config here: no login of ours
            return Optional.empty();
        }
    }
}
