package io.passerine.emulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void rfc7636AppendixBVector() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assertTrue(Pkce.verify("S256", Fixture.CHALLENGE, Fixture.VERIFIER));
        assertFalse(Pkce.verify("S256", Fixture.CHALLENGE, Fixture.VERIFIER + "x"));
    }

    @Test
    void plainAsXDocumentsIt() {
        assertTrue(Pkce.isWellFormedChallenge("plain", "challenge"));
        assertTrue(Pkce.verify("plain", "challenge", "challenge"));
        assertFalse(Pkce.verify("plain", "challenge", "other"));
        assertFalse(Pkce.isWellFormedChallenge("S256", "challenge"));
        assertFalse(Pkce.isSupportedMethod("s256"));
    }
}
