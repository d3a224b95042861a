package io.passerine.login;

import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns on the X (OAuth 2.0 Authorization Code + PKCE) login for this application, like Jakarta Security's
 * {@code @OpenIdAuthenticationMechanismDefinition}: put it on any one class of the application. All settings come from
 * MicroProfile Config ({@code passerine.login.*}, see the README) and are validated at deployment.
 *
 * <p>It is a CDI stereotype (without a scope, so the class stays {@code @Dependent} unless it declares another scope)
 * so that the annotated class is discovered even in archives with {@code bean-discovery-mode="annotated"}; the
 * extension {@code io.passerine.login.internal.LoginExtension} then adds the authentication mechanism. Applications
 * without this annotation get no mechanism from this jar.
 */
@Stereotype
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface XLoginMechanismDefinition {
}
