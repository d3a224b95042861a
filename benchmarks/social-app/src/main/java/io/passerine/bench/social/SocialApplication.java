package io.passerine.bench.social;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS under /api; web.xml protects /api/secure/*; the login is Liberty's socialLogin-1.0 oauth2Login. */
@ApplicationPath("api")
public class SocialApplication extends Application {
}
