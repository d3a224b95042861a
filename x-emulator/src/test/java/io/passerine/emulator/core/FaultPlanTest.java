package io.passerine.emulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void faultIsConsumedOncePerCall() {
        FaultPlan plan = new FaultPlan();
        plan.add(new FaultPlan.Fault("/2/oauth2/token", 2, 503, 0, "down", "text/html", false));
        assertEquals(503, plan.next("/2/oauth2/token").orElseThrow().status());
        assertTrue(plan.next("/2/users/me").isEmpty());
        assertEquals(503, plan.next("/2/oauth2/token").orElseThrow().status());
        assertTrue(plan.next("/2/oauth2/token").isEmpty());
    }

    @Test
    void clearForgetsFaults() {
        FaultPlan plan = new FaultPlan();
        plan.add(new FaultPlan.Fault("/oauth2/token", 5, 0, 10, null, null, true));
        plan.clear();
        assertTrue(plan.next("/oauth2/token").isEmpty());
    }

    @Test
    void invalidFaultsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan.Fault("/x", 0, 503, 0, "", "", false));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan.Fault("/x", 1, 42, 0, "", "", false));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan.Fault(null, 1, 503, 0, "", "", false));
    }

    @Test
    void onlyXsOwnPathsCanBeFaulted() {
        for (String path : new String[] {"/", "/evil.html", "/_control/stats", "/sample/me", "/2/../evil",
                "/oauth2", "2/tweets"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new FaultPlan.Fault(path, 1, 200, 0, "<script>", "text/html", false), path);
        }
        for (String path : new String[] {"/2/tweets", "/2/oauth2/token", "/oauth2/token", "/i/oauth2/authorize"}) {
            assertEquals(path, new FaultPlan.Fault(path, 1, 503, 0, "", "", false).path());
        }
    }

    @Test
    void statsCountAndReset() {
        CallStats stats = new CallStats();
        stats.count("/2/oauth2/token");
        stats.count("/2/oauth2/token");
        stats.count("/oauth2/token");
        assertEquals(Map.of("/2/oauth2/token", 2L, "/oauth2/token", 1L), stats.snapshot());
        stats.reset();
        assertTrue(stats.snapshot().isEmpty());
    }

    @Test
    void settingsRefuseUnknownNamesAndBadValues() {
        Settings s = Settings.defaults();
        assertThrows(IllegalArgumentException.class, () -> s.with(Map.of("nope", 1)));
        assertThrows(IllegalArgumentException.class, () -> s.with(Map.of("rateLimit", 0)));
        assertEquals(3, s.with(Map.of("rateLimit", 3)).rateLimit());
    }

    @Test
    void clockOnlyMovesForward() {
        MutableClock clock = new MutableClock(java.time.Clock.systemUTC());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(java.time.Duration.ofSeconds(-1)));
    }

    @Test
    void resetRestoresConfiguredSettingsAndClock() {
        Fixture fx = new Fixture();
        java.time.Instant start = fx.state.clock().instant();
        fx.state.reconfigure(Map.of("rateLimit", 3));
        fx.advance(100);
        fx.state.reset();
        assertEquals(300, fx.state.settings().rateLimit());
        assertEquals(start, fx.state.clock().instant());
    }
}
