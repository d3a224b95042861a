package io.passerine.apponly.internal;

import io.passerine.ConfigurationException;
import io.passerine.apponly.AppOnly;
import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ClusterSettings;
import io.passerine.internal.config.ConfigReader;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates, at deployment, the configuration of every app-only client that is injected somewhere (and the cluster
 * settings they share): a missing key fails the deployment with a message naming the key, instead of failing the
 * first request. Keeps what it validated: {@link AppOnlyClients} builds the clients from it without reading the
 * configuration again.
 */
public class AppOnlyExtension implements Extension {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Set<String> names = new ConcurrentSkipListSet<>();
    private final Map<String, AppOnlySettings> settings = new ConcurrentHashMap<>();
    private volatile ConfigReader config;
    private volatile ClusterSettings cluster;

    void collect(@Observes ProcessInjectionPoint<?, AppOnlyTokenClient> pip) {
        names.add(nameOf(pip.getInjectionPoint().getQualifiers()));
    }

    /** The collected names, modifiable (tests add names as injection points would). */
    Set<String> names() {
        return names;
    }

    void validate(@Observes AfterDeploymentValidation adv) {
        load(ConfigReader.of(ConfigProvider.getConfig()), adv::addDeploymentProblem);
    }

    /** Reads and validates the settings of every collected client name; each problem goes to {@code problems}. */
    void load(ConfigReader reader, Consumer<Throwable> problems) {
        this.config = reader;
        for (String name : names) {
            if (!name.isEmpty() && !NAME.matcher(name).matches()) {
                problems.accept(new ConfigurationException(AppOnlySettings.prefix(name) + "*",
                        "uses an invalid client name in @AppOnly: use letters, digits, '-' and '_'"));
                continue;
            }
            try {
                settings.put(name, AppOnlySettings.read(reader, name));
            } catch (ConfigurationException e) {
                problems.accept(e);
            }
        }
        if (!names.isEmpty()) {
            try {
                cluster = ClusterSettings.from(reader);
            } catch (ConfigurationException e) {
                problems.accept(e);
            }
        }
    }

    /**
     * The validated settings of client {@code name}; a name no injection point uses (a programmatic lookup) is read
     * and validated on its first use, once.
     *
     * @throws ConfigurationException naming the key, for a name only looked up at run time
     */
    public AppOnlySettings settings(String name) {
        return settings.computeIfAbsent(name, n -> AppOnlySettings.read(config(), n));
    }

    /** The cluster settings ({@code passerine.keys}, {@code passerine.app-only.cache}), validated once. */
    public ClusterSettings cluster() {
        ClusterSettings c = cluster;
        if (c == null) {
            c = ClusterSettings.from(config());
            cluster = c;
        }
        return c;
    }

    private ConfigReader config() {
        ConfigReader c = config;
        return c != null ? c : ConfigReader.of(ConfigProvider.getConfig());
    }

    /** The names of the clients injected somewhere in the application ("" = the default client). */
    public Set<String> clientNames() {
        return Collections.unmodifiableSet(names);
    }

    static String nameOf(Set<Annotation> qualifiers) {
        for (Annotation q : qualifiers) {
            if (q instanceof AppOnly a) {
                return a.value();
            }
        }
        return "";
    }
}
