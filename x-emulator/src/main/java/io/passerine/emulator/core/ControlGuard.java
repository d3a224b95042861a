package io.passerine.emulator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may use the test-only control surface ({@code /_control}). It is off unless enabled, never on under the
 * MicroProfile Config profile {@code x} (the real X), and when on it needs a configured secret of at least
 * {@value #MIN_SECRET_LENGTH} characters. A call must present that secret in {@value #HEADER} (compared in constant
 * time) and, unless it is a GET or HEAD, send an {@code application/json} body: neither a custom header nor that
 * content type is allowed in a CORS-simple request, so no web page can reach the surface without a preflight, which
 * the emulator never answers (Fetch Standard: "CORS-safelisted request-header", "CORS-safelisted method").
 */
public final class ControlGuard {

    public static final String HEADER = "X-Emulator-Control-Secret";
    public static final int MIN_SECRET_LENGTH = 16;

    /** The answer to one control call: let it through, or refuse it with an HTTP status. */
    public enum Verdict {
        ALLOW(200), NOT_FOUND(404), FORBIDDEN(403), UNSUPPORTED_MEDIA_TYPE(415);

        private final int status;

        Verdict(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final byte[] secretDigest;

    private ControlGuard(byte[] secretDigest) {
        this.secretDigest = secretDigest;
    }

    /**
     * The guard for this configuration.
     *
     * @param enabled {@code x-emulator.control.enabled}
     * @param secret  {@code x-emulator.control.secret}, or null
     * @param profile {@code mp.config.profile}, or null
     * @throws IllegalStateException enabled without a secret (or with a short one): the message names the keys
     */
    public static ControlGuard of(boolean enabled, String secret, String profile) {
        if (!enabled || isRealX(profile)) {
            return new ControlGuard(null);
        }
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("x-emulator.control.enabled=true needs x-emulator.control.secret "
                    + "(environment variable X_EMULATOR_CONTROL_SECRET) of at least " + MIN_SECRET_LENGTH
                    + " characters; the control surface refuses to start without one");
        }
        return new ControlGuard(sha256(secret.strip()));
    }

    /** True under profile {@code x}: the real X, where the control surface must never be on. */
    public static boolean isRealX(String profile) {
        if (profile == null) {
            return false;
        }
        for (String p : profile.split(",")) {
            if (p.strip().equals("x")) {
                return true;
            }
        }
        return false;
    }

    public boolean enabled() {
        return secretDigest != null;
    }

    /**
     * @param method      the HTTP method
     * @param contentType the request's {@code Content-Type}, or null
     * @param presented   the value of {@value #HEADER}, or null
     */
    public Verdict check(String method, String contentType, String presented) {
        if (!enabled()) {
            return Verdict.NOT_FOUND;
        }
        if (presented == null || !MessageDigest.isEqual(secretDigest, sha256(presented.strip()))) {
            return Verdict.FORBIDDEN;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method) && !isJson(contentType)) {
            return Verdict.UNSUPPORTED_MEDIA_TYPE;
        }
        return Verdict.ALLOW;
    }

    /** {@code application/json}, with parameters (charset) or not; nothing else, not even {@code +json} types. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** Equal-length digests, so that the comparison time says nothing about the secret's length either. */
    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ControlGuard[" + (enabled() ? "enabled, secret redacted" : "disabled") + "]";
    }
}
