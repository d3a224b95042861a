package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Checklist 30: logout accepts only the application's own Origin, or without Origin its Referer. */
class SameOriginTest {

    private final SameOrigin app = new SameOrigin(URI.create("https://App.example/ctx/oauth2/callback"));

    @Test
    void theAppsOwnOriginPasses() {
        assertTrue(app.allows("https://app.example", null));
        assertTrue(app.allows("https://app.example:443", "https://evil.example/"), "Origin wins over Referer");
        assertTrue(app.allows(null, "https://app.example/ctx/me?x=1"));
        assertTrue(new SameOrigin(URI.create("http://localhost:9080/a/cb")).allows("http://localhost:9080", null));
    }

    @Test
    void everythingElseIsRefused() {
        for (String origin : new String[] {"https://evil.example", "null", "", "http://app.example",
                "https://app.example:8443", "https://app.example.evil.example", "https://evil.example@app.example",
                "https://app.example@evil.example", "file:///etc/passwd", "javascript:alert(1)", "https://",
                "https://app.example\u0000", "%68ttps://app.example"}) {
            assertFalse(app.allows(origin, "https://app.example/ctx/"), origin);
        }
        assertFalse(app.allows(null, null), "neither header");
        assertFalse(app.allows(null, "https://app.example.evil.example/ctx"));
        assertFalse(app.allows(null, "//app.example/ctx"), "relative Referer");
        assertFalse(app.allows(null, "x".repeat(5000)));
    }
}
