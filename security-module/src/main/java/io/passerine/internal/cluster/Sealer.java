package io.passerine.internal.cluster;

import io.passerine.internal.config.ClusterSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D; an AEAD: confidential and integrity-protected) for everything Passerine keeps
 * outside the JVM's heap: login transaction cookies, tokens in a shared JCache, tokens in replicated or persisted
 * HTTP sessions (checklist 33). Sealed text: {@code "1." + base64url(12-byte random IV ‖ ciphertext ‖ 128-bit tag)};
 * the {@code context} (a cookie name, a cache key) is the additional authenticated data, so a value cannot be moved
 * to another place. The first key seals, every key opens (rotation). {@link #toString()} shows no key.
 */
public final class Sealer {

    private static final String PREFIX = "1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SecretKey> keys;

    /** @param rawKeys 32-byte AES keys, the sealing one first */
    public Sealer(List<byte[]> rawKeys) {
        if (rawKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        List<SecretKey> k = new ArrayList<>();
        for (byte[] raw : rawKeys) {
            if (raw.length != 32) {
                throw new IllegalArgumentException("AES-256 keys are 32 bytes");
            }
            k.add(new SecretKeySpec(raw, "AES"));
        }
        this.keys = List.copyOf(k);
    }

    /**
     * The sealer of what leaves this JVM: under the configured {@code passerine.keys}, or a random key of this JVM
     * when none are configured (one server only: what it sealed cannot be opened elsewhere or after a restart).
     */
    public static Sealer of(ClusterSettings cluster) {
        return cluster.hasKeys() ? new Sealer(cluster.transactionKeys()) : random();
    }

    /** A sealer with a fresh random key, known to this object only. */
    public static Sealer random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new Sealer(List.of(key));
    }

    public String seal(String plain, String context) {
        return seal(plain.getBytes(StandardCharsets.UTF_8), context);
    }

    public String seal(byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain);
            byte[] out = ByteBuffer.allocate(IV_BYTES + ct.length).put(iv).put(ct).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The text sealed in {@code sealed} for {@code context}; empty when malformed, changed or not sealed by us. */
    public Optional<String> openText(String sealed, String context, int maxLength) {
        return open(sealed, context, maxLength).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * The bytes sealed in {@code sealed} for {@code context}; empty when the value is longer than {@code maxLength},
     * malformed, changed, sealed by no key of ours or for another context.
     */
    public Optional<byte[]> open(String sealed, String context, int maxLength) {
        if (sealed == null || !sealed.startsWith(PREFIX) || sealed.length() > maxLength) {
            return Optional.empty();
        }
        String encoded = sealed.substring(PREFIX.length());
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // only the canonical encoding: the decoder ignores the unused bits of the last character, so two values
        // would otherwise open to the same plaintext
        if (in.length < IV_BYTES + TAG_BITS / 8
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(in).equals(encoded)) {
            return Optional.empty();
        }
        for (SecretKey key : keys) {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
                c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                return Optional.of(c.doFinal(in, IV_BYTES, in.length - IV_BYTES));
            } catch (GeneralSecurityException | RuntimeException e) {
                // wrong key or tampered: the tag does not verify; try the next key
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Sealer[AES-256-GCM, " + keys.size() + " key(s), redacted]";
    }
}
