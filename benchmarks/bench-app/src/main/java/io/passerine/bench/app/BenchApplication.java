package io.passerine.bench.app;

import io.passerine.login.XLoginMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS under /api; the X login turned on. web.xml protects /api/secure/*. */
@XLoginMechanismDefinition
@ApplicationPath("api")
public class BenchApplication extends Application {
}
