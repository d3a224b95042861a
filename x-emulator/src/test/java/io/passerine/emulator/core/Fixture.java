package io.passerine.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An emulator with the shipped default clients on a fixed clock, plus helpers that drive a full consent. */
final class Fixture {

    static final String CALLBACK = "http://localhost:9080/sample/oauth2/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String BASIC = BasicAuth.header("sample-client", "sample-secret");
    static final String APP_BASIC = BasicAuth.header("sample-api-key", "sample-api-secret");

    final EmulatorState state;

    Fixture() {
        this(Settings.defaults());
    }

    Fixture(Settings settings) {
        ClientRegistry registry = new ClientRegistry()
                .register(new ClientRegistry.Client("sample-client", "sample-secret", "Passerine Sample",
                        List.of(CALLBACK, "http://localhost:9080/other")))
                .register(new ClientRegistry.Client("public-client", null, "Public", List.of(CALLBACK)))
                .register(new ClientRegistry.AppKey("sample-api-key", "sample-api-secret", "Passerine Sample"));
        state = new EmulatorState(registry, settings,
                Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
    }

    static Map<String, String> authorizeQuery(String clientId, String scope) {
        return params("response_type", "code", "client_id", clientId, "redirect_uri", CALLBACK, "scope", scope,
                "state", "st-1", "code_challenge", CHALLENGE, "code_challenge_method", "S256");
    }

    /** Runs authorize + consent as "alice" and returns the code from the redirect. */
    String code(String clientId, String scope) {
        AuthorizeService a = state.authorize();
        AuthorizeService.Validation v = a.validate(authorizeQuery(clientId, scope));
        if (v.error() != null) {
            throw new AssertionError(v.error());
        }
        AuthorizeService.Outcome o = a.decide(a.begin(v.request()), "authorize", "alice");
        String redirect = o.redirect();
        return redirect.substring(redirect.indexOf("&code=") + 6);
    }

    static Map<String, String> exchange(String code, String verifier) {
        return params("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
                "code_verifier", verifier);
    }

    /** A mutable single-valued parameter map from alternating names and values (a value may be null). */
    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** A full login for the confidential client: the token endpoint's reply. */
    Reply login(String scope) {
        return state.oauth().token(exchange(code("sample-client", scope), VERIFIER), BASIC);
    }

    /** A fresh app-only bearer token for the shipped app key. */
    String appToken() {
        return state.appOnly().token(Map.of("grant_type", "client_credentials"), APP_BASIC).string("access_token");
    }

    void advance(long seconds) {
        state.advanceClock(Duration.ofSeconds(seconds));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Query parameters from alternating names and values (a name given twice is a repeated parameter). */
    static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> q = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            q.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return q;
    }

    static Map<String, List<String>> ids(String ids) {
        return query("ids", ids);
    }
}
