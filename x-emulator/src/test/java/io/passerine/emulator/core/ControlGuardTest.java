package io.passerine.emulator.core;

import static io.passerine.emulator.core.ControlGuard.Verdict.ALLOW;
import static io.passerine.emulator.core.ControlGuard.Verdict.FORBIDDEN;
import static io.passerine.emulator.core.ControlGuard.Verdict.NOT_FOUND;
import static io.passerine.emulator.core.ControlGuard.Verdict.UNSUPPORTED_MEDIA_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlGuardTest {

    static final String SECRET = "a-test-secret-of-32-characters!!";
    static final String JSON = "application/json";

    private final ControlGuard on = ControlGuard.of(true, SECRET, null);

    @Test
    void offUnlessEnabled() {
        ControlGuard off = ControlGuard.of(false, SECRET, null);
        assertFalse(off.enabled());
        assertEquals(NOT_FOUND, off.check("GET", null, SECRET));
        assertEquals(NOT_FOUND, off.check("POST", JSON, SECRET));
        assertEquals(NOT_FOUND, ControlGuard.of(false, null, null).check("POST", JSON, null));
    }

    @Test
    void neverOnUnderTheProfileOfTheRealX() {
        for (String profile : new String[] {"x", " x ", "dev,x"}) {
            ControlGuard g = ControlGuard.of(true, SECRET, profile);
            assertFalse(g.enabled(), profile);
            assertEquals(NOT_FOUND, g.check("POST", JSON, SECRET), profile);
        }
        assertTrue(ControlGuard.of(true, SECRET, "xx").enabled());
        assertTrue(ControlGuard.of(true, SECRET, "dev").enabled());
    }

    @Test
    void enabledWithoutASecretRefusesToStartNamingTheKeys() {
        for (String secret : new String[] {null, "", "   ", "short-secret"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ControlGuard.of(true, secret, null));
            assertTrue(e.getMessage().contains("x-emulator.control.secret"), e.getMessage());
            assertTrue(e.getMessage().contains("X_EMULATOR_CONTROL_SECRET"), e.getMessage());
            if (secret != null && !secret.isBlank()) {
                assertFalse(e.getMessage().contains(secret), "no secret in the message");
            }
        }
    }

    @Test
    void missingOrWrongSecretIsForbidden() {
        assertEquals(FORBIDDEN, on.check("GET", null, null));
        assertEquals(FORBIDDEN, on.check("POST", JSON, null));
        assertEquals(FORBIDDEN, on.check("POST", JSON, ""));
        assertEquals(FORBIDDEN, on.check("POST", JSON, SECRET + "x"));
        assertEquals(FORBIDDEN, on.check("POST", JSON, SECRET.substring(1)));
        assertEquals(FORBIDDEN, on.check("POST", JSON, SECRET.toUpperCase()));
    }

    @Test
    void bodiesOtherThanJsonAreUnsupportedEvenWithTheSecret() {
        for (String type : new String[] {null, "text/plain", "text/plain;charset=UTF-8",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp",
                "application/vnd.api+json", "text/json"}) {
            assertEquals(UNSUPPORTED_MEDIA_TYPE, on.check("POST", type, SECRET), type);
            assertEquals(UNSUPPORTED_MEDIA_TYPE, on.check("DELETE", type, SECRET), type);
        }
    }

    @Test
    void jsonWithTheSecretIsAllowed() {
        assertEquals(ALLOW, on.check("POST", JSON, SECRET));
        assertEquals(ALLOW, on.check("POST", "Application/JSON; charset=utf-8", SECRET));
        assertEquals(ALLOW, on.check("DELETE", JSON, SECRET));
        assertEquals(ALLOW, on.check("GET", null, SECRET));
        assertEquals(ALLOW, on.check("HEAD", "text/plain", SECRET));
    }

    @Test
    void toStringHidesTheSecret() {
        assertFalse(on.toString().contains(SECRET), on.toString());
    }
}
