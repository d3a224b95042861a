package io.passerine.apponly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.ConfigurationException;
import io.passerine.internal.config.ConfigReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue 16: the app-only settings are validated once, at deployment, and that object is what the clients use. */
class AppOnlyExtensionTest {

    /** A configuration that counts its reads. */
    static final class CountingConfig extends HashMap<String, String> {
        private static final long serialVersionUID = 1L;
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public String get(Object key) {
            reads.incrementAndGet();
            return super.get(key);
        }
    }

    @Test
    void validatedSettingsAreKeptAndNotReadAgain() {
        CountingConfig config = new CountingConfig();
        config.put("passerine.app-only.api-key", "k");
        config.put("passerine.app-only.api-secret", "s");
        config.put("passerine.app-only.reports.api-key", "k2");
        config.put("passerine.app-only.reports.api-secret", "s2");
        AppOnlyExtension extension = new AppOnlyExtension();
        extension.names().addAll(List.of("", "reports"));
        List<Throwable> problems = new ArrayList<>();
        extension.load(ConfigReader.of(config), problems::add);
        assertEquals(List.of(), problems);
        int afterDeployment = config.reads.get();

        var settings = extension.settings("");
        assertSame(settings, extension.settings(""));
        assertEquals("k2", extension.settings("reports").apiKey());
        assertSame(extension.cluster(), extension.cluster());
        assertEquals(afterDeployment, config.reads.get(), "the clients read no configuration key again");
    }

    @Test
    void aMissingKeyOrABadNameFailsTheDeploymentNamingTheKey() {
        AppOnlyExtension extension = new AppOnlyExtension();
        extension.names().addAll(List.of("", "bad name"));
        List<Throwable> problems = new ArrayList<>();
        extension.load(ConfigReader.of(Map.of("passerine.app-only.api-key", "k",
                "passerine.api.server-error.retries", "many")), problems::add);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(ConfigurationException.class::isInstance));
        String all = problems.toString();
        assertTrue(all.contains("'passerine.app-only.bad name.*' uses an invalid client name"), all);
        assertTrue(all.contains("'passerine.app-only.api-secret' is missing"), all);
        assertTrue(problems.stream().noneMatch(p -> p.getMessage().contains("passerine.api.")),
                "passerine.api.* is validated by ApiExtension, not here");
    }

    @Test
    void noInjectedClientReadsNothing() {
        CountingConfig config = new CountingConfig();
        List<Throwable> problems = new ArrayList<>();
        new AppOnlyExtension().load(ConfigReader.of(config), problems::add);
        assertEquals(0, config.reads.get());
        assertEquals(List.of(), problems);
    }
}
