package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.testing.Gen;
import io.passerine.testing.SeededProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the query guard (issue 13, checklist row 27), over seeded random cases: it refuses exactly the
 * queries over a limit, whatever their content, and whatever it lets through parses into at most {@code maxParams}
 * values (or is refused as malformed, a 400 too).
 */
class QueryGuardPropertyTest {

    private static final List<String> PIECES = List.of("&", "&&", "=", "a", "state", "code", "%26", "%", "+", "x=1",
            "a=1&", ";", "?", "#", "\u0000", "\u00e9", "&amp;", "&=&");

    /** A query and the guard's two limits. */
    record Case(String query, int maxLength, int maxParams) {
    }

    /** Up to 60 pieces, or {@code a=1&} repeated up to 5,000 times, or up to 300 units of random Unicode. */
    private static String query(Gen gen) {
        return switch (gen.between(0, 2)) {
            case 0 -> gen.join(PIECES, 0, 60);
            case 1 -> "a=1&".repeat(gen.between(0, 5000));
            default -> gen.unicode(300);
        };
    }

    @Test
    void refusesExactlyTheQueriesOverALimit() {
        SeededProperty.forAll("query guard", 3000, g -> new Case(query(g), g.between(1, 400), g.between(1, 40)), c -> {
            String q = c.query();
            QueryGuard guard = new QueryGuard(c.maxLength(), c.maxParams());
            long parts = q.chars().filter(ch -> ch == '&').count() + 1;
            boolean over = q.length() > c.maxLength() || parts > c.maxParams();
            String refusal = guard.refusal(q);
            assertEquals(over, refusal != null, q);
            if (over) {
                LoginFailure f = assertThrows(LoginFailure.class, () -> guard.parse(q));
                assertEquals(400, f.kind().status());
            } else {
                try {
                    Map<String, List<String>> params = guard.parse(q);
                    int values = params.values().stream().mapToInt(List::size).sum();
                    assertTrue(values <= c.maxParams(), values + " values from " + q);
                } catch (LoginFailure malformed) { // a broken %-escape: 400 too, never another exception
                    assertEquals(400, malformed.kind().status(), q);
                    assertTrue(malformed.getMessage().contains("malformed"), malformed.getMessage());
                }
            }
        });
    }

    @Test
    void aMissingQueryIsFineAndAHugeOneIsRefusedWithoutLookingFurther() {
        QueryGuard guard = new QueryGuard(4096, 16);
        assertNull(guard.refusal(null));
        assertEquals(Map.of(), guard.parse(null));
        SeededProperty.forAll("huge query", 200, g -> g.between(4097, 2_000_000),
                length -> assertTrue(guard.refusal("a".repeat(length)).contains("too long")));
    }
}
