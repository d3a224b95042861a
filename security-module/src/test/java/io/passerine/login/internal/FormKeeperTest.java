package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, the keep/no-keep decision: only a same-origin {@code x-www-form-urlencoded} POST within the cap is kept;
 * for every other request the body is not even opened (or, without a length, read only up to the cap).
 */
class FormKeeperTest {

    static final String APP = "https://app.example";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String BODY = "csrf=abc&text=Hello+%3Cb%3E+%E2%80%9Cworld%E2%80%9D+%26+more";

    private final FormKeeper keeper = new FormKeeper(new SameOrigin(URI.create(APP + "/ctx/oauth2/callback")), 2048);
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger bytesRead = new AtomicInteger();

    private FormKeeper.Body body(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(b) {
                @Override
                public synchronized int read(byte[] buf, int off, int len) {
                    int n = super.read(buf, off, len);
                    bytesRead.addAndGet(Math.max(n, 0));
                    return n;
                }
            };
        };
    }

    private Optional<FormData> post(String contentType, String origin, String referer, String body) {
        return keeper.keep("POST", contentType, origin, referer, body.length(), body(body));
    }

    @Test
    void aSameOriginFormPostIsKeptDecodedAsTheBrowserSentIt() {
        FormData f = post(FORM, APP, null, BODY).orElseThrow();
        assertEquals(BODY, f.encoded());
        assertEquals(Map.of("csrf", List.of("abc"), "text", List.of("Hello <b> \u201Cworld\u201D & more")),
                f.parameters());
        assertEquals(List.of("csrf", "text"), List.copyOf(f.parameters().keySet()), "posted order");
        assertTrue(post(FORM + "; charset=UTF-8", APP + ":443", null, BODY).isPresent(), "charset UTF-8, port 443");
        assertTrue(post(FORM, null, APP + "/ctx/compose", BODY).isPresent(), "no Origin: the Referer decides");
        assertTrue(post("Application/X-WWW-Form-URLEncoded", APP, null, "a=1&a=2").isPresent(), "case-insensitive");
        assertEquals(List.of("1", "2"), post(FORM, APP, null, "a=1&a=2").orElseThrow().parameters().get("a"));
        assertFalse(f.toString().contains("Hello") || f.toString().contains("abc"), f.toString());
    }

    @Test
    void crossSiteOrUnknownOriginKeepsNothingAndIsNeverRead() {
        for (String[] h : new String[][] {{"https://evil.example", null}, {"https://evil.example", APP + "/ctx/"},
                {"null", null}, {null, null}, {null, "https://evil.example/ctx/compose"}, {"http://app.example", null},
                {"https://app.example:8443", null}}) {
            assertTrue(post(FORM, h[0], h[1], BODY).isEmpty(), h[0] + " / " + h[1]);
        }
        assertEquals(0, opened.get(), "the body of a refused request is never opened");
    }

    @Test
    void otherMethodsAndContentTypesKeepNothing() {
        assertTrue(keeper.keep("GET", FORM, APP, null, BODY.length(), body(BODY)).isEmpty());
        assertTrue(keeper.keep("PUT", FORM, APP, null, BODY.length(), body(BODY)).isEmpty());
        for (String type : new String[] {"multipart/form-data; boundary=x", "application/json", "text/plain", null, "",
                FORM + "; charset=ISO-8859-1", FORM + "x", FORM + "; foo=bar", "text/plain; " + FORM}) {
            assertTrue(post(type, APP, null, BODY).isEmpty(), type);
        }
        assertEquals(0, opened.get());
    }

    @Test
    void theCapIsTwoKiBADeclaredLargerBodyIsNotReadAnUndeclaredOneOnlyUpToTheCap() {
        String exactly = "text=" + "a".repeat(2048 - 5);
        assertEquals(2048, post(FORM, APP, null, exactly).orElseThrow().size());
        String over = exactly + "a";
        assertTrue(post(FORM, APP, null, over).isEmpty(), "2049 bytes declared");
        assertEquals(1, opened.get(), "only the 2048-byte one was opened");
        String huge = "text=" + "a".repeat(1 << 20);
        assertTrue(keeper.keep("POST", FORM, APP, null, -1, body(huge)).isEmpty(), "chunked, 1 MiB");
        assertEquals(2048 + 2048 + 1, bytesRead.get(), "at most cap + 1 bytes of an undeclared body");
        assertTrue(keeper.keep("POST", FORM, APP, null, -1, body(exactly)).isPresent(), "chunked within the cap");
        assertTrue(keeper.keep("POST", FORM, APP, null, 10, body(huge)).isEmpty(), "lying Content-Length");
    }

    @Test
    void whatIsNotABrowsersFormKeepsNothing() {
        for (String b : new String[] {"", "&&", "text=caf\u00e9", "text=a b", "text=%zz", "a=%",
                "text=line\nbreak"}) {
            assertTrue(post(FORM, APP, null, b).isEmpty(), b);
        }
        assertTrue(keeper.keep("POST", FORM, APP, null, 0, body("")).isEmpty(), "empty");
        assertTrue(keeper.keep("POST", FORM, APP, null, 5, () -> {
            throw new java.io.IOException("reset");
        }).isEmpty(), "unreadable");
    }

    @Test
    void aCapOfZeroKeepsNothingAndTheCeilingIsTwoKiB() {
        FormKeeper off = new FormKeeper(new SameOrigin(URI.create(APP + "/cb")), 0);
        assertTrue(off.keep("POST", FORM, APP, null, BODY.length(), body(BODY)).isEmpty());
        assertEquals(0, opened.get());
        assertThrows(IllegalArgumentException.class, () -> new FormKeeper(new SameOrigin(URI.create(APP)), 2049));
        FormKeeper small = new FormKeeper(new SameOrigin(URI.create(APP + "/cb")), 10);
        assertTrue(small.keep("POST", FORM, APP, null, -1, body("text=12345")).isPresent());
        assertTrue(small.keep("POST", FORM, APP, null, -1, body("text=123456")).isEmpty());
    }

    @Test
    void formDataSurvivesJavaSerializationAsSessionsReplicateIt() throws Exception {
        FormData f = FormData.parse(BODY, 2048).orElseThrow();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(out)) {
            o.writeObject(new SavedForms.Held("/ctx/compose", f, java.time.Instant.EPOCH));
        }
        try (InputStream in = new ByteArrayInputStream(out.toByteArray());
                java.io.ObjectInputStream o = new java.io.ObjectInputStream(in)) {
            SavedForms.Held back = (SavedForms.Held) o.readObject();
            assertEquals(f.parameters(), back.form().parameters());
        }
    }
}
