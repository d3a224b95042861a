package io.passerine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.Test;

/** Issue 13 item 12: provider text that is shown or logged carries no control, bidi or format character. */
class ProviderErrorsTest {

    @Test
    void bidiAndFormatControlsAreRemoved() {
        // "evil" + RLO "gpj.exe" renders as "evilexe.jpg"; isolates, marks, ALM and BOM hide text the same way
        assertEquals("evilgpj.exe", ProviderErrors.clean("evil\u202Egpj.exe"));
        assertEquals("abcdefghij", ProviderErrors.clean("a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i"
                + "\u200E\u200F\u061C\uFEFFj"));
    }

    @Test
    void lineBreaksOfEveryKindBecomeOneLine() {
        assertEquals("a b c d e f", ProviderErrors.clean("a\nb\r\nc\u2028d\u2029e\u0085f").replaceAll(" +", " "));
        assertEquals("x y", ProviderErrors.clean("x\u0000\u0007\u001B[31my").replace("[31m", "").replaceAll(" +", " "));
    }

    @Test
    void ordinaryTextIncludingRightToLeftLettersIsKept() {
        assertEquals("Value passed for the token was invalid.",
                ProviderErrors.clean("Value passed for the token was invalid."));
        assertEquals("שלום مرحبا 👩‍💻", ProviderErrors.clean("שלום مرحبا 👩‍💻"), "letters and the emoji ZWJ stay");
    }

    @Test
    void shorteningNeverSplitsASurrogatePair() {
        String s = ProviderErrors.clean("a".repeat(199) + "😀😀");
        assertFalse(Character.isHighSurrogate(s.charAt(s.length() - 2)) && s.endsWith("…")
                && !Character.isLowSurrogate(s.charAt(s.length() - 1)), s);
        assertTrue(s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE), s);
    }

    @Test
    void describeCleansTheProvidersWords() {
        HTTPResponse r = new HTTPResponse(400);
        r.setHeader("Content-Type", "application/json");
        r.setBody("{\"error\":\"invalid\u202Erequest\",\"error_description\":\"bad\u2066 thing\u2028next\"}");
        String d = ProviderErrors.describe(r);
        assertTrue(d.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR), d);
        assertEquals("invalidrequest", ProviderErrors.code(r));
    }
}
