package io.passerine.emulator.core;

import static io.passerine.emulator.core.Reply.json;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /oauth2/token} (client_credentials) and {@code POST /oauth2/invalidate_token}: one never-expiring
 * bearer token per app, 403 code 99 for bad credentials and for asking too often.
 */
public final class AppOnlyService {

    private final ClientRegistry clients;
    private final AppTokenStore tokens;
    private final RateLimiter askLimiter;
    private final Supplier<Settings> settings;

    public AppOnlyService(ClientRegistry clients, AppTokenStore tokens, RateLimiter askLimiter,
                          Supplier<Settings> settings) {
        this.clients = clients;
        this.tokens = tokens;
        this.askLimiter = askLimiter;
        this.settings = settings;
    }

    public Reply token(Map<String, String> form, String authorization) {
        Optional<ClientRegistry.AppKey> app = authenticate(authorization);
        if (app.isEmpty()) {
            return credentialsError();
        }
        Settings s = settings.get();
        if (!askLimiter.hit(app.get().key(), s.appTokenMaxRequests(), s.appTokenWindow()).allowed()) {
            return credentialsError();
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Reply.of(403, json("errors", List.of(json("code", 170, "label", "forbidden_missing_parameter",
                    "message", "Missing required parameter: grant_type"))));
        }
        return Reply.of(200, json("token_type", "bearer", "access_token", tokens.tokenFor(app.get().key())));
    }

    /** {@code accessToken} comes from the form body or, as older docs show, the query string. */
    public Reply invalidate(String accessToken, String authorization) {
        Optional<ClientRegistry.AppKey> app = authenticate(authorization);
        if (app.isEmpty()) {
            return credentialsError();
        }
        if (accessToken == null || !tokens.invalidate(app.get().key(), accessToken)) {
            return Reply.invalidToken();
        }
        return Reply.of(200, json("access_token", accessToken));
    }

    private Optional<ClientRegistry.AppKey> authenticate(String authorization) {
        return BasicAuth.parse(authorization).flatMap(b -> clients.authenticateApp(b.user(), b.password()));
    }

    private static Reply credentialsError() {
        return Reply.of(403, json("errors", List.of(json("code", 99, "label", "authenticity_token_error",
                "message", "Unable to verify your credentials"))));
    }
}
