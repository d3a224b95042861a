package io.passerine.login.internal;

import io.passerine.internal.cluster.Sealer;
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
 * first, drop the old one after {@code transaction-max-age}. Nothing in clear: state, verifier, return path,
 * scopes and a kept form are all inside the ciphertext.
 * <p>Layout, version 2 (issue 20): version byte, state, verifier, return path, scopes (space-separated), creation
 * time (epoch ms), kept form ({@code ""} = none). Version 1 (no form) still opens, so logins started before an
 * upgrade finish. A transaction whose sealed value would exceed {@link #MAX_SEALED} characters is sealed without its
 * form: browsers drop cookies over 4,096 bytes, and the login matters more than the form.
 */
final class TransactionCookieCodec {

    /** Larger values are refused before any crypto (cookies are at most 4 KiB anyway). */
    private static final int MAX_VALUE = 4096;
    /** The longest value sealed with a form: with the cookie's name and attributes, well under 4,096 bytes. */
    static final int MAX_SEALED = 3800;
    private static final int VERSION = 2;

    private final Sealer sealer;

    TransactionCookieCodec(Sealer sealer) {
        this.sealer = sealer;
    }

    TransactionCookieCodec(List<byte[]> rawKeys) {
        this(new Sealer(rawKeys));
    }

    /** The sealed cookie value of {@code tx} for the cookie named {@code cookieName}. */
    String seal(LoginTransaction tx, String cookieName) {
        String sealed = sealer.seal(serialize(tx), cookieName);
        if (sealed.length() > MAX_SEALED && tx.form().isPresent()) {
            return sealer.seal(serialize(tx.withForm(Optional.empty())), cookieName);
        }
        return sealed;
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
            out.writeByte(VERSION);
            out.writeUTF(tx.state());
            out.writeUTF(tx.verifier().getValue());
            out.writeUTF(tx.returnPath());
            out.writeUTF(String.join(" ", tx.scopes()));
            out.writeLong(tx.createdAt().toEpochMilli());
            out.writeUTF(tx.form().map(FormData::encoded).orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static LoginTransaction deserialize(byte[] plain) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int version = in.readByte();
            if (version != 1 && version != VERSION) {
                throw new IOException("unknown version");
            }
            String state = in.readUTF();
            String verifier = in.readUTF();
            String returnPath = in.readUTF();
            String scopes = in.readUTF();
            Instant created = Instant.ofEpochMilli(in.readLong());
            Optional<FormData> form = version == 1 ? Optional.empty()
                    : FormData.parse(in.readUTF(), FormData.MAX_BYTES);
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return new LoginTransaction(state, verifier, ReturnPath.orRoot(returnPath),
                    scopes.isEmpty() ? List.of() : List.of(scopes.split(" ")), created).withForm(form);
        }
    }
}
