package io.passerine.emulator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** RFC 7636 checks: S256 = BASE64URL-NOPAD(SHA-256(ASCII(verifier))), and plain (which X also accepts). */
public final class Pkce {

    /** An S256 challenge is a base64url SHA-256: 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Plain: unreserved characters (X's own docs use {@code challenge}, so no 43-character minimum). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private Pkce() {
    }

    public static boolean isSupportedMethod(String method) {
        return "S256".equals(method) || "plain".equals(method);
    }

    /** Whether the challenge has the shape its method requires. */
    public static boolean isWellFormedChallenge(String method, String challenge) {
        return challenge != null && ("S256".equals(method) ? S256_CHALLENGE : PLAIN).matcher(challenge).matches();
    }

    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the verifier matches the challenge under the method, compared in constant time. */
    public static boolean verify(String method, String challenge, String verifier) {
        if (verifier == null || challenge == null) {
            return false;
        }
        String computed = "S256".equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
