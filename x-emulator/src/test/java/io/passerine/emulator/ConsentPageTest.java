package io.passerine.emulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.emulator.core.AuthorizeService;
import io.passerine.emulator.core.ClientRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentPageTest {

    private static final String EVIL = "<script>alert(\"x\")</script>'&";

    @Test
    void everyDynamicValueIsEscaped() {
        ClientRegistry.Client client = new ClientRegistry.Client("c", "s", EVIL, List.of("http://cb/?a=" + EVIL));
        AuthorizeService.Request r = new AuthorizeService.Request(client, "http://cb/?a=" + EVIL,
                List.of("tweet.read"), "st", "challenge", "plain");
        String html = ConsentPage.consent(r, "id\"><b>", EVIL, EVIL);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("id\"><b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;"), html);
        assertTrue(html.contains("id=\"username\"") && html.contains("id=\"authorize\"")
                && html.contains("id=\"cancel\""), html);
        assertFalse(ConsentPage.error(EVIL).contains("<script>"));
    }
}
