package io.passerine.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.internal.http.HttpTimeouts;
import io.passerine.testing.FakeTokenEndpoint;
import io.passerine.testing.FakeTokenEndpoint.Answer;
import io.passerine.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedProbeTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");

    @Test
    void probesAtMostOncePerInterval() {
        AtomicInteger probes = new AtomicInteger();
        CachedProbe p = new CachedProbe(() -> new CachedProbe.Result(probes.incrementAndGet() % 2 == 1, Map.of()),
                clock, Duration.ofSeconds(30));
        for (int i = 0; i < 100; i++) {
            assertTrue(p.get().up());
        }
        clock.advance(Duration.ofSeconds(30));
        assertFalse(p.get().up());
        assertEquals(2, probes.get());
    }

    @Test
    void tokenEndpointProbeIsUpBelow500AndDownOtherwise() throws Exception {
        try (FakeTokenEndpoint x = new FakeTokenEndpoint()) {
            x.answer("/token", Answer.json(405, "{}"));
            assertTrue(Probes.endpointAnswers(x.uri("/token"), HttpTimeouts.DEFAULT).up());
            x.answer("/token", Answer.json(503, "{}"));
            CachedProbe.Result down = Probes.endpointAnswers(x.uri("/token"), HttpTimeouts.DEFAULT);
            assertFalse(down.up());
            assertEquals(Map.of("failure", "REJECTED", "httpStatus", "503"), down.data());
            assertEquals("GET", x.last().method(), "a probe never attempts a grant");
        }
    }
}
