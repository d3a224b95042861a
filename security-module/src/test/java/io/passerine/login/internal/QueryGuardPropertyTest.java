package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests of the query guard (issue 13, checklist row 27): it refuses exactly the queries over a limit,
 * whatever their content, and whatever it lets through parses into at most {@code maxParams} values (or is refused
 * as malformed, a 400 too).
 */
class QueryGuardPropertyTest {

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> piece = Arbitraries.of("&", "&&", "=", "a", "state", "code", "%26", "%", "+", "x=1",
                "a=1&", ";", "?", "#", "\u0000", "\u00e9", "&amp;", "&=&");
        Arbitrary<String> built = piece.list().ofMaxSize(60).map(l -> String.join("", l));
        Arbitrary<String> repeated = Arbitraries.integers().between(0, 5000).map(n -> "a=1&".repeat(n));
        return Arbitraries.oneOf(built, repeated, Arbitraries.strings().all().ofMaxLength(300));
    }

    @Property(tries = 3000)
    void refusesExactlyTheQueriesOverALimit(@ForAll("queries") String q,
            @ForAll @IntRange(min = 1, max = 400) int maxLength, @ForAll @IntRange(min = 1, max = 40) int maxParams) {
        QueryGuard guard = new QueryGuard(maxLength, maxParams);
        long parts = q.chars().filter(c -> c == '&').count() + 1;
        boolean over = q.length() > maxLength || parts > maxParams;
        String refusal = guard.refusal(q);
        assertEquals(over, refusal != null, q);
        if (over) {
            LoginFailure f = assertThrows(LoginFailure.class, () -> guard.parse(q));
            assertEquals(400, f.kind().status());
        } else {
            try {
                Map<String, List<String>> params = guard.parse(q);
                int values = params.values().stream().mapToInt(List::size).sum();
                assertTrue(values <= maxParams, values + " values from " + q);
            } catch (LoginFailure malformed) { // a broken %-escape: 400 too, never another exception
                assertEquals(400, malformed.kind().status(), q);
                assertTrue(malformed.getMessage().contains("malformed"), malformed.getMessage());
            }
        }
    }

    @Property(tries = 200)
    void aMissingQueryIsFineAndAHugeOneIsRefusedWithoutLookingFurther(
            @ForAll @IntRange(min = 4097, max = 2_000_000) int length) {
        QueryGuard guard = new QueryGuard(4096, 16);
        assertNull(guard.refusal(null));
        assertEquals(Map.of(), guard.parse(null));
        assertTrue(guard.refusal("a".repeat(length)).contains("too long"));
    }
}
