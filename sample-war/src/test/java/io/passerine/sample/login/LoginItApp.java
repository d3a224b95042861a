package io.passerine.sample.login;

import io.passerine.login.XLoginMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The IT application: JAX-RS under /api, X login enabled by the annotation. Deployed, not run as a test. */
@XLoginMechanismDefinition
@ApplicationPath("api")
public class LoginItApp extends Application {
}
