package io.passerine.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error shape X sends: OAuth 2.0, the v1.1 envelope of {@code /oauth2/*}, and the v2 API's problem objects;
 * issue 13 item 12: provider text that is shown or logged carries no control, bidi or format character.
 */
class ProviderErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "OAuth 2.0 | 400 | {\"error\":\"invalid_request\",\"error_description\":\"Value passed for the authorization"
                + " code was invalid.\"} | invalid_request | HTTP 400 invalid_request: Value passed for the"
                + " authorization code was invalid.",
        "v1.1 code 89 | 401 | {\"errors\":[{\"code\":89,\"message\":\"Invalid or expired token\"}]} | 89"
                + " | HTTP 401 89: Invalid or expired token",
        "v2 401 | 401 | {\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"
                + " | null | HTTP 401: Unauthorized",
        "v2 403 app-only | 403 | {\"title\":\"Unsupported Authentication\",\"detail\":\"Authenticating with OAuth 2.0"
                + " Application-Only is forbidden for this endpoint.\",\"type\":\"https://api.twitter.com/2/problems/"
                + "unsupported-authentication\",\"status\":403} | unsupported-authentication | HTTP 403"
                + " unsupported-authentication: Authenticating with OAuth 2.0 Application-Only is forbidden for this"
                + " endpoint.",
        "v2 429 usage cap (x.com host) | 429 | {\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded:"
                + " Monthly product cap\",\"type\":\"https://api.x.com/2/problems/usage-capped\",\"status\":429}"
                + " | usage-capped | HTTP 429 usage-capped: Usage cap exceeded: Monthly product cap",
        "v2 400 invalid request | 400 | {\"errors\":[{\"parameters\":{\"ids\":[\"abc\"]},\"message\":\"The `ids`"
                + " query parameter value [abc] is not valid\"}],\"title\":\"Invalid Request\",\"detail\":\"One or"
                + " more parameters to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/"
                + "invalid-request\"} | invalid-request | HTTP 400 invalid-request: The `ids` query parameter value"
                + " [abc] is not valid",
        "a problem type of another host is no X code | 403 | {\"title\":\"Forbidden\",\"type\":\"https://evil.example/"
                + "2/problems/x\"} | null | HTTP 403: Forbidden",
    })
    void readsEveryShape(String shape, int status, String body, String code, String description) throws Exception {
        HTTPResponse r = new HTTPResponse(status);
        r.setContentType("application/json");
        r.setBody(body);
        assertEquals(code, ProviderErrors.code(r), shape);
        assertEquals(description, ProviderErrors.describe(r), shape);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"<html>Over capacity</html>", "{not json"})
    void noJsonNoCode(String body) {
        HTTPResponse r = new HTTPResponse(503);
        r.setBody(body);
        assertNull(ProviderErrors.code(r));
    }

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
