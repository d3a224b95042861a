package io.passerine.sample;

import io.passerine.login.XLoginMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The sample's JAX-RS application, under {@code /sample/api}. {@link XLoginMechanismDefinition} turns on Passerine's
 * X login for the whole sample (configured in {@code META-INF/microprofile-config.properties}).
 */
@ApplicationPath("/api")
@XLoginMechanismDefinition
public class SampleApplication extends Application {
}
