package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.login.internal.FakeProvider.Reply;
import io.passerine.testing.Gen;
import io.passerine.testing.MutableClock;
import io.passerine.testing.SeededProperty;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property test of the callback (issue 13), over 2,000 seeded random cases: a live login transaction, then its
 * callback mutated at random (edited, truncated, parameters repeated, added or dropped, state re-cased, replaced or
 * percent-encoded, error and iss added, junk appended) and sent through the mechanism. Oracle, the token endpoint's
 * own count: a callback causes a token call only when it carries exactly one {@code state} equal to the live one
 * and exactly one {@code code}, and the provider receives exactly that code; the unmutated callback always does; no
 * callback is accepted twice. Both outcomes must stay common (at least 20 % each), or the generator tests nothing.
 */
class CallbackPropertyTest {

    private static final int CASES = 2000;
    private static final String CODE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";
    private static final List<String> INSERTS = List.of("&", "=", "%", "a", "A", "-", "_", "+", " ", "2", "F",
            "\u0000", "\u00e9", ";");

    private static FakeProvider provider;
    private static LoginAssembly runtime;

    /** One edit of the query: {@code op} picks the kind, the rest are its operands. */
    record Mutation(int op, int pos, String ch, String junk) {
    }

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeProvider()
                .on("/2/oauth2/token", c -> Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,"
                        + "\"access_token\":\"AT\",\"scope\":\"tweet.read\"}"))
                .on("/2/users/me", c -> Reply.json(200, "{\"data\":{\"id\":\"1\",\"username\":\"u\",\"name\":\"U\"}}"));
        runtime = LoginAssembly.of(provider.settings(Map.of()), MutableClock.startingAt("2026-01-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    /** A callback's code and the edits made to it. */
    record Case(String code, List<Mutation> mutations) {
    }

    /** A code of 1 to 90 unreserved characters and up to three mutations. */
    private static Case newCase(Gen gen) {
        String code = gen.chars(CODE_CHARS, 1, 90);
        List<Mutation> mutations = new ArrayList<>();
        for (int n = gen.between(0, 3); n > 0; n--) {
            mutations.add(new Mutation(gen.between(0, 14), gen.between(0, 10_000), gen.oneOf(INSERTS),
                    gen.chars("abcstateode=&%2F+-_", 0, 12)));
        }
        return new Case(code, mutations);
    }

    @Test
    void onlyTheExactStateAndCodeCauseATokenCall() {
        int loggedIn = SeededProperty.count("mutated callback", CASES, "logged in", CallbackPropertyTest::newCase,
                c -> tokenCallsFor(c) > 0);
        int refused = CASES - loggedIn;
        assertTrue(loggedIn >= CASES / 5 && refused >= CASES / 5, "seed " + SeededProperty.seed() + ": "
                + loggedIn + " of " + CASES + " mutated callbacks logged in, " + refused + " refused");
    }

    /** Sends the case's callback (twice) for a fresh transaction, checks the oracle, returns the token calls made. */
    private static int tokenCallsFor(Case c) {
        String code = c.code();
        List<Mutation> mutations = c.mutations();
        MechanismHarness browser = new MechanismHarness(runtime);
        MechanismHarness.Exchange start = browser.get("/ctx/me", null, true);
        String state = URLUtils.parseParameters(URI.create(start.location).getRawQuery()).get("state").get(0);
        String legit = "code=" + code + "&state=" + state;
        String query = legit;
        for (Mutation m : mutations) {
            query = apply(m, query, state, code);
        }
        int before = provider.count("/2/oauth2/token");
        browser.get("/ctx/oauth2/callback", query, false);
        int calls = provider.count("/2/oauth2/token") - before;
        if (query.equals(legit)) {
            assertEquals(1, calls, "the real callback logs in");
        }
        if (calls > 0) {
            assertEquals(1, calls, query);
            List<String> states = decoded(query, "state");
            List<String> codes = decoded(query, "code");
            assertEquals(List.of(state), states, "a token call only for the live state: " + query);
            assertEquals(1, codes.size(), query);
            List<String> sent = decoded(provider.calls.get(provider.calls.size() - 2).body(), "code");
            assertEquals(codes, sent, "the provider receives exactly the callback's code");
        }
        browser.get("/ctx/oauth2/callback", query, false);
        assertEquals(before + calls, provider.count("/2/oauth2/token"), "never accepted twice: " + query);
        return calls;
    }

    private static String apply(Mutation m, String q, String state, String code) {
        int i = q.isEmpty() ? 0 : m.pos() % (q.length() + 1);
        int j = q.isEmpty() ? 0 : m.pos() % q.length();
        return switch (m.op()) {
            case 0 -> q;
            case 1 -> q.isEmpty() ? q : q.substring(0, j) + q.substring(j + 1);
            case 2 -> q.substring(0, i) + m.ch() + q.substring(i);
            case 3 -> q.isEmpty() ? q : q.substring(0, j) + m.ch() + q.substring(j + 1);
            case 4 -> q.substring(0, i);
            case 5 -> q + "&state=" + state;
            case 6 -> q + "&code=" + code;
            case 7 -> q + "&" + m.junk();
            case 8 -> q.replace(state, state.toUpperCase(java.util.Locale.ROOT));
            case 9 -> q.replace("state=" + state, "state=" + encodeOneChar(state, m.pos()));
            case 10 -> q.replace("state=" + state, "state=" + m.junk());
            case 11 -> q.replace("state=" + state, "").replace("&&", "&");
            case 12 -> q.replace("code=" + code, "");
            case 13 -> "error=access_denied&" + q;
            default -> q + "&iss=" + m.junk();
        };
    }

    /** The state with one character percent-encoded: the same value once decoded. */
    private static String encodeOneChar(String s, int pos) {
        int k = pos % s.length();
        return s.substring(0, k) + String.format("%%%02X", (int) s.charAt(k)) + s.substring(k + 1);
    }

    /** The decoded values of {@code name} in {@code q}, decoded independently of Nimbus (undecodable parts skipped). */
    private static List<String> decoded(String q, String name) {
        List<String> values = new ArrayList<>();
        for (String part : q.split("&", -1)) {
            String[] kv = part.split("=", 2);
            try {
                if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                    values.add(kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException malformed) {
                // not a parameter the oracle can read: neither is it one the property allows to log in with
                assertTrue(true);
            }
        }
        return values;
    }
}
