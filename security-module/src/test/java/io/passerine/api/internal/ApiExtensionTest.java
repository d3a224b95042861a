package io.passerine.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.ConfigurationException;
import io.passerine.internal.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16: {@code passerine.api.*} is validated at deployment by its own extension and read once. */
class ApiExtensionTest {

    @Test
    void aMalformedKeyFailsTheDeploymentNamingTheKey() {
        List<Throwable> problems = new ArrayList<>();
        new ApiExtension().load(ConfigReader.of(Map.of("passerine.api.server-error.retries", "many")), problems::add);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0) instanceof ConfigurationException);
        assertTrue(problems.get(0).getMessage().contains("passerine.api.server-error.retries"),
                problems.get(0).getMessage());
        assertTrue(!problems.get(0).getMessage().contains("many"), "never the value");
    }

    @Test
    void theValidatedSettingsAreWhatThePolicyUses() {
        ApiExtension extension = new ApiExtension();
        List<Throwable> problems = new ArrayList<>();
        extension.load(ConfigReader.of(Map.of("passerine.api.propagate-trace-context", "true")), problems::add);
        assertEquals(List.of(), problems);
        ApiSettings settings = extension.settings();
        assertSame(settings, extension.settings());
        ApiCallState state = new ApiCallState();
        state.extension = extension;
        assertTrue(state.policy().propagatesTraceContext());
    }
}
