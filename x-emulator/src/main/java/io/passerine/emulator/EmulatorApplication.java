package io.passerine.emulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The emulator's JAX-RS application: deployed at the context root of its own server, its paths are X's. */
@ApplicationPath("/")
public class EmulatorApplication extends Application {
}
