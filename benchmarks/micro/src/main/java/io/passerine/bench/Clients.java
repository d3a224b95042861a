package io.passerine.bench;

import io.passerine.apponly.internal.DefaultAppOnlyTokenClient;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ConfigReader;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** Builds a real {@link DefaultAppOnlyTokenClient} the way the library's own producers do, from plain config. */
final class Clients {

    private Clients() {
    }

    static DefaultAppOnlyTokenClient appOnly(URI tokenUri, Clock clock) {
        AppOnlySettings settings = AppOnlySettings.read(ConfigReader.of(Map.of(
                "passerine.app-only.api-key", "bench-key",
                "passerine.app-only.api-secret", "bench-secret",
                "passerine.app-only.token-uri", tokenUri.toString(),
                "passerine.app-only.read-timeout", "30s",
                "passerine.app-only.connect-timeout", "30s")), "");
        return new DefaultAppOnlyTokenClient(settings, clock);
    }
}
