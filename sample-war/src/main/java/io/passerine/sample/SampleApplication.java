package io.passerine.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's JAX-RS application, under {@code /sample/api}. */
@ApplicationPath("/api")
public class SampleApplication extends Application {
}
