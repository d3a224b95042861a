package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.internal.config.LoginPolicy;
import io.passerine.testing.Gen;
import io.passerine.testing.SeededProperty;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the return-path sanitizer (issue 13): over 11,000 seeded random strings built from the pieces of
 * open-redirect payloads or of random Unicode, no accepted value leaves the origin: never {@code //host},
 * {@code /\host}, a scheme, a backslash, an encoded variant of those, a control or non-ASCII character.
 */
class ReturnPathPropertyTest {

    private static final URI ORIGIN = URI.create("https://app.example/ctx/me");

    private static final List<String> PIECES = List.of("/", "//", "\\", "/\\", "\\/", "%2F", "%2f", "%5C", "%5c",
            "%252F", "%09", "%0A", "%0D", "%00", "\t", "\n", "\r", " ", "\u0000", "\u007F", "\u0085", "\u2028",
            "\u010A", "\uFF0F", "\u202E", "http:", "https:", "javascript:", "data:", "//evil.example", "evil.example",
            "@evil.example", ":", ".", "..", "?", "#", "&", "=", "ctx", "me", "a", "%", "%%", "%E2%80%AE", "\u00e9");

    /** One to eight open-redirect pieces, half the time after a {@code /} (the only start the sanitizer accepts). */
    private static String hostile(Gen gen) {
        return gen.oneOf("", "/") + gen.join(PIECES, 1, 8);
    }

    /** Random Unicode of up to 40 units, as is or after {@code /} or {@code /ctx/}. */
    private static String anything(Gen gen) {
        return gen.oneOf("", "/", "/ctx/") + gen.unicode(40);
    }

    @Test
    void noHostilePathLeavesTheOrigin() {
        int accepted = SeededProperty.count("hostile return path", 5000, "accepted", ReturnPathPropertyTest::hostile,
                ReturnPathPropertyTest::check);
        assertTrue(accepted >= 100, "seed " + SeededProperty.seed() + ": only " + accepted + " of 5000 accepted");
    }

    @Test
    void noRandomStringLeavesTheOrigin() {
        int accepted = SeededProperty.count("random return path", 3000, "accepted", ReturnPathPropertyTest::anything,
                ReturnPathPropertyTest::check);
        assertTrue(accepted >= 60, "seed " + SeededProperty.seed() + ": only " + accepted + " of 3000 accepted");
    }

    @Test
    void stepUpReturnsStayInsideTheApplication() {
        LoginPolicy policy = new LoginPolicy(4096, 16, java.util.Set.of("tweet.read"), java.time.Duration.ofHours(2),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5));
        SeededProperty.forAll("step-up return", 3000, ReturnPathPropertyTest::hostile, candidate -> {
            String back = StepUpRequest.parse(Map.of("return", List.of("/ctx" + candidate)), policy, "/ctx")
                    .returnPath();
            assertTrue(back.equals("/ctx/") || back.equals("/ctx") || back.startsWith("/ctx/")
                    || back.startsWith("/ctx?"), back);
            check(back);
            assertEquals(Optional.of(back), ReturnPath.sanitize(back));
        });
    }

    /** Checks the sanitizer's verdict on {@code candidate}; tells whether it was accepted. */
    private static boolean check(String candidate) {
        Optional<String> result = ReturnPath.sanitize(candidate);
        if (result.isEmpty()) {
            return false;
        }
        String v = result.get();
        assertEquals(candidate, v, "accepted values are used unchanged");
        assertTrue(v.startsWith("/"), v);
        assertTrue(v.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), "printable ASCII only: " + v);
        assertFalse(v.contains("\\"), v);
        for (String once = v, i = "0"; i.length() < 3; i += "0") { // as sent, decoded once, decoded twice
            String path = once.split("[?#]", 2)[0];
            assertFalse(path.startsWith("//") || path.startsWith("/\\"), "scheme-relative after decoding: " + v);
            assertFalse(path.contains("\\"), "backslash after decoding: " + v);
            once = decode(once);
        }
        URI u = URI.create(v);
        assertNull(u.getScheme(), v);
        assertNull(u.getRawAuthority(), v);
        URI resolved = ORIGIN.resolve(u);
        assertEquals("app.example", resolved.getHost(), v);
        assertEquals("https", resolved.getScheme(), v);
        return true;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }
}
