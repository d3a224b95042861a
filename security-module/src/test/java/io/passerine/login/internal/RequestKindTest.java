package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.internal.config.ApiDetection;
import io.passerine.internal.config.ApiDetection.Signal;
import io.passerine.internal.config.ConfigReader;
import io.passerine.ConfigurationException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 15 (3): which requests may be redirected to X, and which get a 401 — plain Java, header tables. */
class RequestKindTest {

    /** What Chromium 13x sends for a typed URL / link click (top-level navigation). */
    private static final String[] CHROME_NAVIGATION = {"Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document",
        "Sec-Fetch-Site", "none", "Sec-Fetch-User", "?1", "Accept",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"};
    /** What Chromium sends for {@code fetch('me', {headers: {Accept: 'application/json'}})} on the same origin. */
    private static final String[] CHROME_FETCH = {"Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty",
        "Sec-Fetch-Site", "same-origin", "Accept", "application/json"};

    private static RequestKind kind(ApiDetection d, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
        }
        return RequestKind.of(d, name -> h.get(name.toLowerCase(Locale.ROOT)));
    }

    private static RequestKind kind(String... headers) {
        return kind(ApiDetection.ALL, headers);
    }

    @Test
    void browserNavigationsMayBeRedirected() {
        assertEquals(RequestKind.NAVIGATION, kind(CHROME_NAVIGATION));
        assertEquals(RequestKind.NAVIGATION, kind("Sec-Fetch-Mode", "navigate"), "no dest: older Chromium");
        assertEquals(RequestKind.NAVIGATION, kind("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document",
                "Accept", "*/*"), "fetch metadata decides alone when present");
        // plain http to a non-localhost host: no fetch metadata, but Accept with text/html
        assertEquals(RequestKind.NAVIGATION, kind("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertEquals(RequestKind.NAVIGATION, kind("Accept", "application/xhtml+xml"));
        assertEquals(RequestKind.NAVIGATION, kind("Accept", "text/*"));
        assertEquals(RequestKind.NAVIGATION, kind("Accept", "TEXT/HTML ; Q=0.5"), "case-insensitive");
    }

    @Test
    void aRequestWithoutAnyOfTheHeadersIsStillANavigation() {
        assertEquals(RequestKind.NAVIGATION, kind(), "the behaviour before issue 15 (JDK clients send no Accept)");
        assertEquals(RequestKind.NAVIGATION, kind("Accept", " "));
        assertEquals(RequestKind.NAVIGATION, kind("X-Requested-With", "com.example.app"),
                "Android WebViews send their package name on navigations");
    }

    @Test
    void scriptsFramesAndNonBrowsersGetThe401() {
        assertEquals(RequestKind.API, kind(CHROME_FETCH));
        assertEquals(RequestKind.API, kind("Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty",
                "Accept", "text/html"), "a fetch asking for HTML is still a fetch");
        assertEquals(RequestKind.API, kind("Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image"));
        assertEquals(RequestKind.API, kind("Sec-Fetch-Mode", "same-origin", "Sec-Fetch-Dest", "empty"));
        assertEquals(RequestKind.API, kind("Sec-Fetch-Mode", "websocket", "Sec-Fetch-Dest", "websocket"));
        assertEquals(RequestKind.API, kind("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "iframe"),
                "a frame is no top-level navigation (and X refuses to be framed)");
        assertEquals(RequestKind.API, kind("X-Requested-With", "XMLHttpRequest"));
        assertEquals(RequestKind.API, kind("X-Requested-With", "xmlhttprequest", "Accept", "text/html"));
        assertEquals(RequestKind.API, kind("Accept", "*/*"), "curl, fetch() without headers");
        assertEquals(RequestKind.API, kind("Accept", "application/json"));
        assertEquals(RequestKind.API, kind("Accept", "application/json, text/plain, */*"), "axios");
        assertEquals(RequestKind.API, kind("Accept", "text/html;q=0, application/json"), "q=0: not acceptable");
        assertEquals(RequestKind.API, kind("Accept", "text/html;level=1;q=0.000"));
    }

    @Test
    void eachSignalCanBeTurnedOff() {
        ApiDetection none = ApiDetection.NONE;
        assertEquals(RequestKind.NAVIGATION, kind(none, CHROME_FETCH));
        assertEquals(RequestKind.NAVIGATION, kind(none, "X-Requested-With", "XMLHttpRequest"));
        assertEquals(RequestKind.NAVIGATION, kind(none, "Accept", "application/json"));

        ApiDetection noSecFetch = new ApiDetection(EnumSet.of(Signal.X_REQUESTED_WITH, Signal.ACCEPT));
        assertEquals(RequestKind.NAVIGATION, kind(noSecFetch, "Sec-Fetch-Mode", "cors", "Accept", "text/html"));
        assertEquals(RequestKind.API, kind(noSecFetch, CHROME_FETCH), "Accept still says so");

        ApiDetection secFetchOnly = new ApiDetection(EnumSet.of(Signal.SEC_FETCH));
        assertEquals(RequestKind.NAVIGATION, kind(secFetchOnly, "Accept", "application/json"));
        assertEquals(RequestKind.NAVIGATION, kind(secFetchOnly, "X-Requested-With", "XMLHttpRequest"));
        assertEquals(RequestKind.API, kind(secFetchOnly, CHROME_FETCH));
    }

    @Test
    void acceptParsingIsBoundedAndLenient() {
        assertTrue(RequestKind.acceptsHtml("text/html;q=bogus"), "a malformed weight counts as acceptable");
        assertTrue(RequestKind.acceptsHtml("application/json," + "x".repeat(5000)), "over-long: treated as before");
        assertFalse(RequestKind.acceptsHtml("application/json;q=1, image/png"));
    }

    @Test
    void theConfigurationKeyNamesItsSignalsOrNone() {
        assertEquals(ApiDetection.ALL, ApiDetection.from(ConfigReader.of(Map.of())));
        assertEquals(ApiDetection.NONE, ApiDetection.from(ConfigReader.of(Map.of(ApiDetection.KEY, "none"))));
        assertEquals(new ApiDetection(EnumSet.of(Signal.SEC_FETCH, Signal.ACCEPT)),
                ApiDetection.from(ConfigReader.of(Map.of(ApiDetection.KEY, "accept, Sec-Fetch"))));
        assertEquals("sec-fetch accept", ApiDetection.from(ConfigReader.of(Map.of(ApiDetection.KEY,
                "accept sec-fetch"))).toString());
        Executable bad = () -> ApiDetection.from(ConfigReader.of(Map.of(ApiDetection.KEY, "sec-fetch cookies")));
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, bad);
        assertTrue(e.getMessage().contains(ApiDetection.KEY), e.getMessage());
    }
}
