package io.passerine.emulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The emulator's JAX-RS application: its resources sit at X's paths under the context root {@code /x-emulator}. */
@ApplicationPath("/")
public class EmulatorApplication extends Application {
}
