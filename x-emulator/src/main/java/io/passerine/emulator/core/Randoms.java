package io.passerine.emulator.core;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque random values: codes, tokens, consent ids. */
public final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randoms() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Issued.record(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    /**
     * An app-only bearer token shaped like X's: a run of {@code A}s, then characters that X sends percent-encoded
     * ({@code %2F}, {@code %3D}) — clients must use the value verbatim.
     */
    public static String appToken() {
        return Issued.record("AAAAAAAAAAAAAAAAAAAAA" + token(18) + "%2F" + token(24) + "%3D" + token(30));
    }
}
