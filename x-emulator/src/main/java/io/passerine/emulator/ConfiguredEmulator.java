package io.passerine.emulator;

import io.passerine.emulator.core.ClientRegistry;
import io.passerine.emulator.core.ControlGuard;
import io.passerine.emulator.core.EmulatorState;
import io.passerine.emulator.core.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the one {@link EmulatorState} from MicroProfile Config (keys {@code x-emulator.*}, defaults in
 * {@code META-INF/microprofile-config.properties}). A control surface enabled without a secret fails the deployment
 * ({@link ControlConfigCheck}). Secrets are never logged.
 */
@ApplicationScoped
public class ConfiguredEmulator {

    static final String PREFIX = "x-emulator.";
    private static final Logger LOG = Logger.getLogger(ConfiguredEmulator.class.getName());

    private EmulatorState state;
    private ControlGuard controlGuard;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig(ConfiguredEmulator.class.getClassLoader());
        ClientRegistry registry = new ClientRegistry();
        for (String id : list(config, "clients")) {
            String secret = config.getOptionalValue(PREFIX + "client." + id + ".secret", String.class).orElse(null);
            String name = config.getOptionalValue(PREFIX + "client." + id + ".name", String.class).orElse(id);
            List<String> uris = list(config, "client." + id + ".redirect-uris");
            registry.register(new ClientRegistry.Client(id, secret, name, uris));
            LOG.info(() -> "x-emulator client " + id + (secret == null ? " (public)" : " (confidential)")
                    + ", redirect URIs " + uris);
        }
        for (String key : list(config, "apps")) {
            String secret = config.getValue(PREFIX + "app." + key + ".secret", String.class);
            String name = config.getOptionalValue(PREFIX + "app." + key + ".name", String.class).orElse(key);
            registry.register(new ClientRegistry.AppKey(key, secret, name));
            LOG.info(() -> "x-emulator app-only key " + key);
        }
        Settings d = Settings.defaults();
        Settings settings = new Settings(
                seconds(config, "access-token-lifetime-seconds", d.accessTokenLifetime()),
                seconds(config, "code-lifetime-seconds", d.codeLifetime()),
                config.getOptionalValue(PREFIX + "rate-limit", Integer.class).orElse(d.rateLimit()),
                seconds(config, "rate-limit-window-seconds", d.rateLimitWindow()),
                config.getOptionalValue(PREFIX + "app-token.max-requests", Integer.class)
                        .orElse(d.appTokenMaxRequests()),
                seconds(config, "app-token.window-seconds", d.appTokenWindow()));
        controlGuard = controlGuard(config);
        boolean asked = config.getOptionalValue(PREFIX + "control.enabled", Boolean.class).orElse(false);
        if (asked && !controlGuard.enabled()) {
            LOG.warning("x-emulator control surface kept off: MicroProfile Config profile x is the real X");
        }
        state = new EmulatorState(registry, settings, Clock.systemUTC());
        LOG.info(() -> "x-emulator settings " + settings.toMap() + ", control surface " + (controlGuard.enabled()
                ? "ENABLED (needs header " + ControlGuard.HEADER + " with x-emulator.control.secret; test tool: never "
                + "expose it)" : "disabled"));
    }

    /** @throws IllegalStateException enabled without a usable secret (the message names the keys) */
    static ControlGuard controlGuard(Config config) {
        boolean enabled = config.getOptionalValue(PREFIX + "control.enabled", Boolean.class).orElse(false);
        String profile = config.getOptionalValue("mp.config.profile", String.class).orElse(null);
        return ControlGuard.of(enabled,
                config.getOptionalValue(PREFIX + "control.secret", String.class).orElse(null), profile);
    }

    public EmulatorState state() {
        return state;
    }

    public boolean controlEnabled() {
        return controlGuard.enabled();
    }

    public ControlGuard controlGuard() {
        return controlGuard;
    }

    private static List<String> list(Config config, String key) {
        return config.getOptionalValue(PREFIX + key, String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Duration seconds(Config config, String key, Duration fallback) {
        return config.getOptionalValue(PREFIX + key, Long.class).map(Duration::ofSeconds).orElse(fallback);
    }
}
