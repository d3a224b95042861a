package io.passerine.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.api.RateLimit;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Registry keys fold ids and user names (bounded keys, no PII in keys or metrics); X's headers parse or are ignored. */
class RateLimitRegistryTest {

    @ParameterizedTest
    @CsvSource({
        "/2/tweets, GET /2/tweets",
        "/x-emulator/2/tweets, GET /x-emulator/2/tweets",
        "/2/users/2244994945/tweets, GET /2/users/:id/tweets",
        "/2/users/by/username/jack, GET /2/users/by/username/:username",
        "/2/users/by/username/jack/, GET /2/users/by/username/:username/",
        "/2/spaces/1DXxyRYNejbKM, GET /2/spaces/:id",
        "/2/dm_conversations/123-456/dm_events, GET /2/dm_conversations/:id/dm_events",
        "/1.1/statuses/show.json, GET /1.1/statuses/show.json",
        "/2/tweets/search/recent, GET /2/tweets/search/recent",
        "/, GET /",
    })
    void endpointKeysFoldIdsAndUserNames(String path, String key) {
        assertEquals(key, RateLimitRegistry.endpoint("GET", path));
    }

    @Test
    void headersParseAndGarbageIsIgnored() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, String> ok = Map.of("x-rate-limit-limit", "450", "x-rate-limit-remaining", " 447",
                "x-rate-limit-reset", "1767226500");
        assertEquals(new RateLimit(450, 447, Instant.ofEpochSecond(1767226500), now),
                RateLimitRegistry.parse(ok::get, now).orElseThrow());
        Map<String, String> bad = Map.of("x-rate-limit-limit", "450", "x-rate-limit-remaining", "lots",
                "x-rate-limit-reset", "1767226500");
        assertTrue(RateLimitRegistry.parse(bad::get, now).isEmpty());
        assertTrue(RateLimitRegistry.parse(Map.<String, String>of()::get, now).isEmpty());
    }
}
