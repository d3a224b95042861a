package io.passerine.login.internal;

import io.passerine.cluster.internal.Sealer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Seals a {@link LoginTransaction} into a cookie value with the {@link Sealer} (AES-256-GCM); the cookie's name is
 * the additional authenticated data, so a value cannot be moved to another cookie. Key rotation: add the new key
 * first, drop the old one after {@code transaction-max-age}. Nothing in clear: state, verifier, return path and
 * scopes are all inside the ciphertext.
 */
final class TransactionCookieCodec {

    /** Larger values are refused before any crypto (cookies are at most 4 KiB anyway). */
    private static final int MAX_VALUE = 4096;

    private final Sealer sealer;

    TransactionCookieCodec(Sealer sealer) {
        this.sealer = sealer;
    }

    TransactionCookieCodec(List<byte[]> rawKeys) {
        this(new Sealer(rawKeys));
    }

    /** The sealed cookie value of {@code tx} for the cookie named {@code cookieName}. */
    String seal(LoginTransaction tx, String cookieName) {
        return sealer.seal(serialize(tx), cookieName);
    }

    /**
     * The transaction sealed in {@code value}; empty when the value is malformed, was changed, was sealed by no key
     * of ours or for another cookie name, or when the transaction is older than {@code maxAge} at {@code now}.
     */
    Optional<LoginTransaction> open(String value, String cookieName, Instant now, Duration maxAge) {
        Optional<LoginTransaction> tx = sealer.open(value, cookieName, MAX_VALUE).flatMap(TransactionCookieCodec::read);
        return tx.filter(t -> now.isBefore(t.createdAt().plus(maxAge)) && !t.createdAt().isAfter(now.plusSeconds(60)));
    }

    private static Optional<LoginTransaction> read(byte[] plain) {
        try {
            return Optional.of(deserialize(plain));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
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
