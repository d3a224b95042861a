package io.passerine.login;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Step-up for a JAX-RS resource class or method: the logged-in user must have granted these scopes. When one is
 * missing, the user is sent through the login again asking for the granted plus the required scopes, then comes back
 * to the same resource. Users who are not logged in are sent to the login. Servlets use {@link StepUp#require}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScopes {

    /** {@return the scopes needed, e.g. {@code "tweet.write"}} */
    String[] value();
}
