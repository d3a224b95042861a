package io.passerine.login.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link LoginTransaction} into a cookie value with AES-256-GCM (JDK; AEAD: confidential and
 * integrity-protected). Value: {@code "1." + base64url(12-byte random IV ‖ ciphertext ‖ 128-bit tag)}; the cookie's
 * name is the additional authenticated data, so a value cannot be moved to another cookie. The first key seals, every
 * key opens (rotation: add the new key first, drop the old one after {@code transaction-max-age}). Nothing in clear:
 * state, verifier, return path and scopes are all inside the ciphertext.
 */
final class TransactionCookieCodec {

    private static final String PREFIX = "1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Larger values are refused before any crypto (cookies are at most 4 KiB anyway). */
    private static final int MAX_VALUE = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SecretKey> keys;

    TransactionCookieCodec(List<byte[]> rawKeys) {
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

    /** The sealed cookie value of {@code tx} for the cookie named {@code cookieName}. */
    String seal(LoginTransaction tx, String cookieName) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(serialize(tx));
            byte[] out = ByteBuffer.allocate(IV_BYTES + ct.length).put(iv).put(ct).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The transaction sealed in {@code value}; empty when the value is malformed, was changed, was sealed by no key
     * of ours or for another cookie name, or when the transaction is older than {@code maxAge} at {@code now}.
     */
    Optional<LoginTransaction> open(String value, String cookieName, Instant now, Duration maxAge) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > MAX_VALUE) {
            return Optional.empty();
        }
        byte[] in;
        String encoded = value.substring(PREFIX.length());
        try {
            in = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // only the canonical encoding: the decoder ignores the unused bits of the last character, so two cookie
        // values would otherwise open to the same transaction
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(in).equals(encoded)) {
            return Optional.empty();
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        for (SecretKey key : keys) {
            Optional<LoginTransaction> tx = tryOpen(key, in, cookieName);
            if (tx.isPresent()) {
                Instant created = tx.get().createdAt();
                boolean fresh = now.isBefore(created.plus(maxAge)) && !created.isAfter(now.plusSeconds(60));
                return fresh ? tx : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<LoginTransaction> tryOpen(SecretKey key, byte[] in, String cookieName) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            c.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
            return Optional.of(deserialize(c.doFinal(in, IV_BYTES, in.length - IV_BYTES)));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return Optional.empty(); // wrong key or tampered: the tag does not verify
        }
    }

    private static byte[] serialize(LoginTransaction tx) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(tx.state());
            out.writeUTF(tx.verifier().getValue());
            out.writeUTF(tx.returnPath());
            out.writeUTF(String.join(" ", tx.scopes()));
            out.writeLong(tx.createdAt().toEpochMilli());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static LoginTransaction deserialize(byte[] plain) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readByte() != 1) {
                throw new IOException("unknown version");
            }
            String state = in.readUTF();
            String verifier = in.readUTF();
            String returnPath = in.readUTF();
            String scopes = in.readUTF();
            Instant created = Instant.ofEpochMilli(in.readLong());
            return new LoginTransaction(state, verifier, ReturnPath.orRoot(returnPath),
                    scopes.isEmpty() ? List.of() : List.of(scopes.split(" ")), created);
        }
    }
}
