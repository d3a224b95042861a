package io.passerine.bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS under /api; web.xml protects /api/secure/* (role {@code **}), {@link FloorMechanism} authenticates. */
@ApplicationPath("api")
public class FloorApplication extends Application {
}
