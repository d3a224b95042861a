package io.passerine.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checklist 33: AES-256-GCM for what leaves the JVM; bound to its context; key rotation; garbage never opens. */
class SealerTest {

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private final byte[] k1 = key();
    private final byte[] k2 = key();

    @Test
    void roundTripWithFreshIvAndNothingInClear() {
        Sealer s = new Sealer(List.of(k1));
        String a = s.seal("AT-secret", "ctx");
        assertNotEquals(a, s.seal("AT-secret", "ctx"), "random IV");
        assertFalse(a.contains("AT-secret"));
        assertEquals(Optional.of("AT-secret"), s.openText(a, "ctx", 1000));
    }

    @Test
    void otherContextOtherKeysTamperingAndGarbageDoNotOpen() {
        Sealer s = new Sealer(List.of(k1));
        String a = s.seal("AT-secret", "ctx");
        assertTrue(s.openText(a, "other-ctx", 1000).isEmpty(), "bound to its context");
        assertTrue(new Sealer(List.of(k2)).openText(a, "ctx", 1000).isEmpty(), "other keys");
        assertTrue(s.openText(a, "ctx", a.length() - 1).isEmpty(), "over the length cap");
        for (int i = 2; i < a.length(); i++) {
            char c = a.charAt(i) == 'A' ? 'B' : 'A';
            assertTrue(s.openText(a.substring(0, i) + c + a.substring(i + 1), "ctx", 1000).isEmpty(), "at " + i);
        }
        for (String g : new String[] {null, "", "1.", "2." + a.substring(2), "1.!!!!", "1.AAAA", a + "A"}) {
            assertTrue(s.openText(g, "ctx", 1000).isEmpty(), String.valueOf(g));
        }
    }

    @Test
    void rotationTheFirstKeySealsEveryKeyOpens() {
        String old = new Sealer(List.of(k1)).seal("x", "ctx");
        Sealer rotated = new Sealer(List.of(k2, k1));
        assertEquals(Optional.of("x"), rotated.openText(old, "ctx", 1000));
        String fresh = rotated.seal("y", "ctx");
        assertTrue(new Sealer(List.of(k1)).openText(fresh, "ctx", 1000).isEmpty(), "sealed with the new key");
        assertFalse(rotated.toString().contains(java.util.Base64.getEncoder().encodeToString(k1)));
    }
}
