package io.passerine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one token value type of app-only and user calls. */
class BearerTokenTest {

    @Test
    void valueIsRedacted() {
        BearerToken t = new BearerToken("AT-value", null);
        assertFalse(t.toString().contains("AT-value"), t.toString());
        assertEquals("Bearer AT-value", t.authorizationHeader());
        assertSame(t.authorizationHeader(), t.authorizationHeader(), "computed once");
    }

    @Test
    void expiryIsOptional() {
        assertTrue(new BearerToken("a", null).expiresAt().isEmpty());
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(at, new BearerToken("a", at).expiresAt().orElseThrow());
    }

    @Test
    void blankIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BearerToken(" ", null));
        assertThrows(NullPointerException.class, () -> new BearerToken(null, null));
    }
}
