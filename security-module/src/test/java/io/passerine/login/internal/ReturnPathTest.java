package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checklist §Login row 12: only a same-origin path is ever a redirect target. */
class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "http:/evil", "//evil.example/x", "/\\evil.example",
            "\\\\evil", "/ok/\\..\\", "javascript:alert(1)", "", "relative/path", "/a\r\nLocation: x", "/a b",
            "/%2F%2Fevil", "/x#frag", "/a\u010A", "/\u202Eevil", "/caf\u00e9"})
    void rejects(String candidate) {
        assertEquals(Optional.empty(), ReturnPath.sanitize(candidate), candidate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ctx/me", "/ctx/me?x=1&y=%20z", "/ctx/a/b.html"})
    void accepts(String candidate) {
        assertEquals(Optional.of(candidate), ReturnPath.sanitize(candidate));
    }

    @Test
    void keepsPathAndQuery() {
        assertEquals("/ctx/me?tab=2", ReturnPath.of("/ctx/me", "tab=2"));
        assertEquals("/ctx/me", ReturnPath.of("/ctx/me", null));
        assertEquals("/", ReturnPath.of("//evil.example", null));
        assertTrue(ReturnPath.sanitize(null).isEmpty());
    }
}
