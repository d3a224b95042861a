package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import io.passerine.internal.cluster.Sealer;
import org.junit.jupiter.api.Test;

/**
 * The AES-GCM cookie codec: round trip, tampering, expiry, key rotation, nothing in clear; version 2 keeps a form
 * (issue 20) within a cookie-size budget, and version 1 cookies still open.
 */
class TransactionCookieCodecTest {

    static final String NAME = "passerine_tx_abc";
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final byte[] k1 = key();
    final byte[] k2 = key();
    final LoginTransaction tx = LoginTransaction.start("/sample/me?x=1", List.of("tweet.read", "users.read"), T0);

    @Test
    void roundTrip() {
        TransactionCookieCodec codec = new TransactionCookieCodec(List.of(k1));
        String v = codec.seal(tx, NAME);
        LoginTransaction back = codec.open(v, NAME, T0.plusSeconds(5), MAX_AGE).orElseThrow();
        assertEquals(tx.state(), back.state());
        assertEquals(tx.verifier().getValue(), back.verifier().getValue());
        assertEquals("/sample/me?x=1", back.returnPath());
        assertEquals(tx.scopes(), back.scopes());
        assertEquals(tx.createdAt(), back.createdAt());
        assertTrue(v.length() < 400, "cookie size " + v.length());
    }

    @Test
    void everyChangedCharacterIsRejected() {
        TransactionCookieCodec codec = new TransactionCookieCodec(List.of(k1));
        String v = codec.seal(tx, NAME);
        for (int i = 2; i < v.length(); i++) {
            char c = v.charAt(i);
            String changed = v.substring(0, i) + (c == 'A' ? 'B' : 'A') + v.substring(i + 1);
            assertTrue(codec.open(changed, NAME, T0, MAX_AGE).isEmpty(), "changed at " + i);
        }
        assertTrue(codec.open(v.substring(0, v.length() - 1), NAME, T0, MAX_AGE).isEmpty(), "truncated");
        assertTrue(codec.open(v + "A", NAME, T0, MAX_AGE).isEmpty(), "extended");
        assertTrue(codec.open("2" + v.substring(1), NAME, T0, MAX_AGE).isEmpty(), "version");
        assertTrue(codec.open("1.!!!", NAME, T0, MAX_AGE).isEmpty(), "not base64url");
        assertTrue(codec.open("1.", NAME, T0, MAX_AGE).isEmpty(), "empty");
        assertTrue(codec.open(null, NAME, T0, MAX_AGE).isEmpty(), "absent");
    }

    @Test
    void aValueMovedToAnotherCookieNameIsRejected() {
        TransactionCookieCodec codec = new TransactionCookieCodec(List.of(k1));
        assertTrue(codec.open(codec.seal(tx, NAME), "passerine_tx_other", T0, MAX_AGE).isEmpty());
    }

    @Test
    void expiredIsRejected() {
        TransactionCookieCodec codec = new TransactionCookieCodec(List.of(k1));
        String v = codec.seal(tx, NAME);
        assertTrue(codec.open(v, NAME, T0.plus(MAX_AGE).minusMillis(1), MAX_AGE).isPresent());
        assertTrue(codec.open(v, NAME, T0.plus(MAX_AGE), MAX_AGE).isEmpty());
        assertTrue(codec.open(v, NAME, T0.plus(Duration.ofDays(1)), MAX_AGE).isEmpty());
        assertTrue(codec.open(v, NAME, T0.minusSeconds(3600), MAX_AGE).isEmpty(), "created in the future");
    }

    @Test
    void rotationFirstKeySealsEveryKeyOpens() {
        String old = new TransactionCookieCodec(List.of(k1)).seal(tx, NAME);
        TransactionCookieCodec rotated = new TransactionCookieCodec(List.of(k2, k1));
        assertTrue(rotated.open(old, NAME, T0, MAX_AGE).isPresent(), "old cookies still open during rotation");
        String fresh = rotated.seal(tx, NAME);
        assertTrue(new TransactionCookieCodec(List.of(k2)).open(fresh, NAME, T0, MAX_AGE).isPresent());
        assertTrue(new TransactionCookieCodec(List.of(k1)).open(fresh, NAME, T0, MAX_AGE).isEmpty(),
                "sealed with the new key");
        assertTrue(new TransactionCookieCodec(List.of(k2)).open(old, NAME, T0, MAX_AGE).isEmpty(),
                "old key dropped: old cookies die");
    }

    @Test
    void nothingInClear() {
        String v = new TransactionCookieCodec(List.of(k1)).seal(tx, NAME);
        String decoded = new String(Base64.getUrlDecoder().decode(v.substring(2)), StandardCharsets.ISO_8859_1);
        for (String secret : List.of(tx.state(), tx.verifier().getValue(), "/sample/me", "tweet.read")) {
            assertFalse(v.contains(secret), secret);
            assertFalse(decoded.contains(secret), secret);
        }
        assertFalse(v.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(k1)));
        assertFalse(v.equals(new TransactionCookieCodec(List.of(k1)).seal(tx, NAME)), "random IV per seal");
    }

    static final String FULL_FORM = "csrf=" + "c".repeat(32) + "&text=" + "%E2%80%9C".repeat(222)
            + "a".repeat(2048 - 43 - 9 * 222);

    @Test
    void roundTripWithAForm() {
        TransactionCookieCodec codec = new TransactionCookieCodec(List.of(k1));
        FormData form = FormData.parse("csrf=abc&text=Hello+%3Cworld%3E&text=2", 2048).orElseThrow();
        String v = codec.seal(tx.withForm(Optional.of(form)), NAME);
        LoginTransaction back = codec.open(v, NAME, T0.plusSeconds(5), MAX_AGE).orElseThrow();
        assertEquals(tx.state(), back.state());
        assertEquals("/sample/me?x=1", back.returnPath());
        assertEquals(form.encoded(), back.form().orElseThrow().encoded());
        assertEquals(List.of("Hello <world>", "2"), back.form().orElseThrow().parameters().get("text"));
        assertTrue(codec.open(codec.seal(tx, NAME), NAME, T0, MAX_AGE).orElseThrow().form().isEmpty(), "no form");
        String decoded = new String(Base64.getUrlDecoder().decode(v.substring(2)), StandardCharsets.ISO_8859_1);
        assertFalse(v.contains("Hello") || decoded.contains("Hello"), "the form is sealed too");
        assertFalse(back.toString().contains("Hello"), back.toString());
    }

    /** Measured for the README: a login from the sample's compose page with a full 2 KiB form. */
    @Test
    void aFullTwoKiBFormStaysUnderFourKiBOfCookie() {
        TransactionCookieCodec codec = new TransactionCookieCodec(List.of(k1));
        assertEquals(2048, FULL_FORM.length());
        FormData form = FormData.parse(FULL_FORM, 2048).orElseThrow();
        LoginTransaction login = LoginTransaction.start("/sample/compose",
                List.of("tweet.read", "users.read", "offline.access"), T0).withForm(Optional.of(form));
        LoginTransaction stepUp = LoginTransaction.start("/sample/compose",
                List.of("tweet.read", "users.read", "offline.access", "tweet.write"), T0).withForm(Optional.of(form));
        String a = codec.seal(login, NAME);
        String b = codec.seal(stepUp, NAME);
        String none = codec.seal(LoginTransaction.start("/sample/compose", List.of("tweet.read", "users.read",
                "offline.access"), T0), NAME);
        System.out.printf("transaction cookie value: %d chars without a form, %d with a 2048-byte form (login), "
                + "%d (step-up)%n", none.length(), a.length(), b.length());
        assertTrue(codec.open(a, NAME, T0, MAX_AGE).orElseThrow().form().isPresent());
        assertTrue(codec.open(b, NAME, T0, MAX_AGE).orElseThrow().form().isPresent());
        // Set-Cookie: name=value; Max-Age=600; Path=/sample; HttpOnly; SameSite=Lax; Secure
        int header = "passerine_tx_0123456789ab=".length() + b.length()
                + "; Max-Age=600; Path=/sample; HttpOnly; SameSite=Lax; Secure".length();
        assertTrue(b.length() <= TransactionCookieCodec.MAX_SEALED && header < 4000, "cookie " + header);
    }

    @Test
    void aTransactionThatWouldOutgrowTheCookieIsSealedWithoutItsForm() {
        TransactionCookieCodec codec = new TransactionCookieCodec(List.of(k1));
        FormData form = FormData.parse(FULL_FORM, 2048).orElseThrow();
        LoginTransaction longPath = LoginTransaction.start("/sample/compose?q=" + "x".repeat(1500),
                List.of("tweet.read"), T0).withForm(Optional.of(form));
        String v = codec.seal(longPath, NAME);
        assertTrue(v.length() <= TransactionCookieCodec.MAX_SEALED, "length " + v.length());
        LoginTransaction back = codec.open(v, NAME, T0, MAX_AGE).orElseThrow();
        assertEquals(longPath.returnPath(), back.returnPath(), "the login itself is intact");
        assertTrue(back.form().isEmpty(), "the form is dropped, not the login");
    }

    @Test
    void aVersionOneCookieFromBeforeTheUpgradeStillOpens() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(tx.state());
            out.writeUTF(tx.verifier().getValue());
            out.writeUTF(tx.returnPath());
            out.writeUTF("tweet.read users.read");
            out.writeLong(T0.toEpochMilli());
        }
        String v1 = new Sealer(List.of(k1)).seal(bytes.toByteArray(), NAME);
        LoginTransaction back = new TransactionCookieCodec(List.of(k1)).open(v1, NAME, T0, MAX_AGE).orElseThrow();
        assertEquals(tx.state(), back.state());
        assertEquals(List.of("tweet.read", "users.read"), back.scopes());
        assertTrue(back.form().isEmpty());
        byte[] v3 = bytes.toByteArray();
        v3[0] = 3;
        assertTrue(new TransactionCookieCodec(List.of(k1)).open(new Sealer(List.of(k1)).seal(v3, NAME), NAME, T0,
                MAX_AGE).isEmpty(), "unknown version");
    }

    static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
