package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.LoginSettings;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checklist §Login rows 1–3: authorize request, state entropy and freshness, verifier, RFC 7636 Appendix B. */
class LoginTransactionTest {

    static final LoginSettings SETTINGS = LoginSettings.from(ConfigReader.of(Map.of(
            "passerine.login.client-id", "client-1",
            "passerine.login.redirect-uri", "https://app.example/ctx/oauth2/callback")));

    @Test
    void stateHasAtLeast128RandomBitsAndIsFreshEveryTime() {
        Set<String> states = new HashSet<>();
        Set<String> verifiers = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            LoginTransaction tx = LoginTransaction.start("/ctx/a", List.of("tweet.read"), Instant.EPOCH);
            byte[] raw = Base64.getUrlDecoder().decode(tx.state());
            assertTrue(raw.length * 8 >= 128, "state bits: " + raw.length * 8);
            states.add(tx.state());
            verifiers.add(tx.verifier().getValue());
        }
        assertEquals(1000, states.size());
        assertEquals(1000, verifiers.size());
    }

    @Test
    void verifierIs43To128UnreservedCharacters() {
        for (int i = 0; i < 200; i++) {
            String v = LoginTransaction.start("/", List.of("a"), Instant.EPOCH).verifier().getValue();
            assertTrue(v.length() >= 43 && v.length() <= 128, v.length() + "");
            assertTrue(v.matches("[A-Za-z0-9\\-._~]+"), "RFC 7636 §4.1 unreserved set");
        }
    }

    @Test
    void s256MatchesRfc7636AppendixB() {
        CodeVerifier verifier = new CodeVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
    }

    @Test
    void authorizeUriCarriesEveryRequiredParameter() {
        LoginTransaction tx = LoginTransaction.start("/ctx/me?x=1", List.of("tweet.read", "users.read"),
                Instant.EPOCH);
        URI uri = tx.authorizationUri(SETTINGS);
        assertTrue(uri.toString().startsWith("https://x.com/i/oauth2/authorize?"), uri.toString());
        Map<String, List<String>> q = URLUtils.parseParameters(uri.getRawQuery());
        assertEquals(List.of("code"), q.get("response_type"));
        assertEquals(List.of("client-1"), q.get("client_id"));
        assertEquals(List.of("https://app.example/ctx/oauth2/callback"), q.get("redirect_uri"));
        assertEquals(List.of("tweet.read users.read"), q.get("scope"));
        assertEquals(List.of(tx.state()), q.get("state"));
        assertEquals(List.of("S256"), q.get("code_challenge_method"));
        String challenge = q.get("code_challenge").get(0);
        assertEquals(43, challenge.length());
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, tx.verifier()).getValue(), challenge);
        assertFalse(q.containsKey("code_verifier"));
    }

    @Test
    void toStringShowsNeitherStateNorVerifier() {
        LoginTransaction tx = LoginTransaction.start("/ctx/me", List.of("tweet.read"), Instant.EPOCH);
        assertFalse(tx.toString().contains(tx.state()));
        assertFalse(tx.toString().contains(tx.verifier().getValue()));
    }

    @Test
    void unsafeReturnPathBecomesRoot() {
        assertEquals("/", LoginTransaction.start("https://evil.example/", List.of("a"), Instant.EPOCH).returnPath());
    }
}
