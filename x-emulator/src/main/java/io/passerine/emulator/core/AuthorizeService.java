package io.passerine.emulator.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /i/oauth2/authorize}: validates the request like X (errors become X's "Something went wrong" page, never a
 * redirect), parks a valid request under a consent id for the consent form, and turns the person's decision into the
 * redirect back to the client with a 30-second code, or {@code error=access_denied}.
 */
public final class AuthorizeService {

    /** A validated authorization request. */
    public record Request(ClientRegistry.Client client, String redirectUri, List<String> scopes, String state,
                          String codeChallenge, String codeChallengeMethod) {
    }

    /** What an authorization code stands for. */
    public record CodeGrant(String clientId, String redirectUri, List<String> scopes, String codeChallenge,
                            String codeChallengeMethod, User user) {
    }

    /** Exactly one of: a validated request, or why it was refused (for the error page only, never redirected). */
    public record Validation(Request request, String error) {
    }

    /** Exactly one of: a redirect URL, an error for the error page, or a form to show again with a message. */
    public record Outcome(String redirect, String error, Request reshow, String consentId, String message) {
    }

    static final Duration CONSENT_LIFE = Duration.ofMinutes(10);

    private final ClientRegistry clients;
    private final ExpiringStore<CodeGrant> codes;
    private final ExpiringStore<Request> consents;
    private final Supplier<Settings> settings;

    public AuthorizeService(ClientRegistry clients, ExpiringStore<CodeGrant> codes, ExpiringStore<Request> consents,
                            Supplier<Settings> settings) {
        this.clients = clients;
        this.codes = codes;
        this.consents = consents;
        this.settings = settings;
    }

    /** Checks the query parameters of {@code GET /i/oauth2/authorize}. */
    public Validation validate(Map<String, String> q) {
        ClientRegistry.Client client = clients.client(q.get("client_id")).orElse(null);
        if (client == null) {
            return refused("unknown client_id");
        }
        String redirectUri = q.get("redirect_uri");
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            return refused("redirect_uri does not match a registered callback URL");
        }
        if (!"code".equals(q.get("response_type"))) {
            return refused("response_type must be code");
        }
        List<String> scopes = Scopes.parse(q.get("scope"));
        if (scopes.isEmpty() || !Scopes.KNOWN.containsAll(scopes)) {
            return refused("scope is missing or contains an unknown scope");
        }
        String state = q.get("state");
        if (state == null || state.isEmpty() || state.length() > 500) {
            return refused("state is required (at most 500 characters)");
        }
        String method = q.get("code_challenge_method");
        if (!Pkce.isSupportedMethod(method)) {
            return refused("code_challenge_method must be S256 or plain");
        }
        String challenge = q.get("code_challenge");
        if (!Pkce.isWellFormedChallenge(method, challenge)) {
            return refused("code_challenge is missing or malformed");
        }
        return new Validation(new Request(client, redirectUri, scopes, state, challenge, method), null);
    }

    /** Parks a validated request for the consent form; the id goes into a hidden field. */
    public String begin(Request request) {
        return consents.put(request, CONSENT_LIFE);
    }

    /** Handles the consent form's POST: {@code action} is {@code authorize} or {@code cancel}. */
    public Outcome decide(String consentId, String action, String username) {
        Request r = consents.peek(consentId).orElse(null);
        if (r == null) {
            return new Outcome(null, "the consent form expired or was already used", null, null, null);
        }
        if ("cancel".equals(action)) {
            consents.take(consentId);
            return redirect(r, "error", "access_denied");
        }
        if (!"authorize".equals(action)) {
            return new Outcome(null, "unknown action", null, null, null);
        }
        if (!User.isValidUsername(username)) {
            return new Outcome(null, null, r, consentId,
                    "Enter a username: 1 to 15 letters, digits or underscores.");
        }
        if (consents.take(consentId).isEmpty()) {
            return new Outcome(null, "the consent form expired or was already used", null, null, null);
        }
        CodeGrant grant = new CodeGrant(r.client().id(), r.redirectUri(), r.scopes(), r.codeChallenge(),
                r.codeChallengeMethod(), User.of(username));
        String code = codes.put(grant, settings.get().codeLifetime());
        return redirect(r, "code", code);
    }

    private static Outcome redirect(Request r, String name, String value) {
        String sep = r.redirectUri().contains("?") ? "&" : "?";
        String url = r.redirectUri() + sep + "state=" + enc(r.state()) + "&" + name + "=" + enc(value);
        return new Outcome(url, null, null, null, null);
    }

    private static Validation refused(String why) {
        return new Validation(null, why);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
