package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.config.LoginPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property tests of the return-path sanitizer (issue 13): over thousands of random strings built from the pieces of
 * open-redirect payloads, no accepted value leaves the origin: never {@code //host}, {@code /\host}, a scheme, a
 * backslash, an encoded variant of those, a control or non-ASCII character.
 */
class ReturnPathPropertyTest {

    private static final URI ORIGIN = URI.create("https://app.example/ctx/me");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> piece = Arbitraries.of("/", "//", "\\", "/\\", "\\/", "%2F", "%2f", "%5C", "%5c", "%252F",
                "%09", "%0A", "%0D", "%00", "\t", "\n", "\r", " ", "\u0000", "\u007F", "\u0085", "\u2028", "\u010A",
                "\uFF0F", "\u202E", "http:", "https:", "javascript:", "data:", "//evil.example", "evil.example",
                "@evil.example", ":", ".", "..", "?", "#", "&", "=", "ctx", "me", "a", "%", "%%", "%E2%80%AE", "\u00e9");
        return piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> anything() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        return Arbitraries.oneOf(any, any.map(x -> "/" + x), any.map(x -> "/ctx/" + x));
    }

    @Property(tries = 5000)
    void noHostilePathLeavesTheOrigin(@ForAll("hostile") String candidate) {
        check(candidate);
    }

    @Property(tries = 3000)
    void noRandomStringLeavesTheOrigin(@ForAll("anything") String candidate) {
        check(candidate);
    }

    @Property(tries = 3000)
    void stepUpReturnsStayInsideTheApplication(@ForAll("hostile") String candidate) {
        LoginPolicy policy = new LoginPolicy(4096, 16, java.util.Set.of("tweet.read"), java.time.Duration.ofHours(2),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5));
        String back = StepUpRequest.parse(Map.of("return", List.of("/ctx" + candidate)), policy, "/ctx").returnPath();
        assertTrue(back.equals("/ctx/") || back.equals("/ctx") || back.startsWith("/ctx/")
                || back.startsWith("/ctx?"), back);
        check(back);
        assertEquals(Optional.of(back), ReturnPath.sanitize(back));
    }

    private static void check(String candidate) {
        Optional<String> result = ReturnPath.sanitize(candidate);
        if (result.isEmpty()) {
            return;
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
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }
}
