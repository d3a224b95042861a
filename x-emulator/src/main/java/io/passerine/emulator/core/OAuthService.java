package io.passerine.emulator.core;

import static io.passerine.emulator.core.Reply.json;
import static io.passerine.emulator.core.Reply.oauthError;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code POST /2/oauth2/token} and {@code POST /2/oauth2/revoke}: client authentication (Basic for confidential
 * clients, {@code client_id} for public ones), code exchange with PKCE, rotating refresh, RFC 7009 revocation.
 * A code is burnt by any exchange attempt, successful or not.
 */
public final class OAuthService {

    private static final String MISSING_AUTH = "Missing valid authorization header";

    private final ClientRegistry clients;
    private final ExpiringStore<AuthorizeService.CodeGrant> codes;
    private final TokenStore tokens;
    private final Supplier<Settings> settings;

    public OAuthService(ClientRegistry clients, ExpiringStore<AuthorizeService.CodeGrant> codes, TokenStore tokens,
                        Supplier<Settings> settings) {
        this.clients = clients;
        this.codes = codes;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** The token endpoint; {@code form} is the decoded form body, {@code authorization} the header or null. */
    public Reply token(Map<String, String> form, String authorization) {
        return authenticate(form, authorization).then(client -> {
            String grantType = form.get("grant_type");
            if (grantType == null || grantType.isEmpty()) {
                return missing("grant_type");
            }
            return switch (grantType) {
                case "authorization_code" -> exchange(form, client);
                case "refresh_token" -> refresh(form, client);
                default -> oauthError(400, "unsupported_grant_type", "Value passed for the grant type was invalid.");
            };
        });
    }

    /** The revocation endpoint: 200 {@code {"revoked":true}} for any token once the client is authenticated. */
    public Reply revoke(Map<String, String> form, String authorization) {
        return authenticate(form, authorization).then(client -> {
            String token = form.get("token");
            if (token == null || token.isEmpty()) {
                return missing("token");
            }
            tokens.revoke(token, client.id());
            return Reply.of(200, json("revoked", true));
        });
    }

    private Reply exchange(Map<String, String> form, ClientRegistry.Client client) {
        String code = form.get("code");
        if (code == null || code.isEmpty()) {
            return missing("code");
        }
        String redirectUri = form.get("redirect_uri");
        String verifier = form.get("code_verifier");
        if (verifier != null && !verifier.isEmpty()) {
            Issued.record(verifier);
        }
        Optional<AuthorizeService.CodeGrant> taken = codes.take(code);
        if (taken.isEmpty() || !taken.get().clientId().equals(client.id())) {
            return invalid("Value passed for the authorization code was invalid.");
        }
        AuthorizeService.CodeGrant g = taken.get();
        if (redirectUri == null || redirectUri.isEmpty()) {
            return missing("redirect_uri");
        }
        if (!redirectUri.equals(g.redirectUri())) {
            return invalid("Value passed for the redirect uri did not match the uri of the authorization code.");
        }
        if (verifier == null || verifier.isEmpty()) {
            return missing("code_verifier");
        }
        if (!Pkce.verify(g.codeChallengeMethod(), g.codeChallenge(), verifier)) {
            return invalid("Value passed for the code verifier did not match the code challenge.");
        }
        return success(tokens.issue(client.id(), g.user(), g.scopes(), settings.get().accessTokenLifetime()));
    }

    private Reply refresh(Map<String, String> form, ClientRegistry.Client client) {
        String rt = form.get("refresh_token");
        if (rt == null || rt.isEmpty()) {
            return missing("refresh_token");
        }
        return tokens.refresh(rt, client.id(), settings.get().accessTokenLifetime())
                .map(OAuthService::success)
                .orElseGet(() -> invalid("Value passed for the token was invalid."));
    }

    private static Reply success(TokenStore.Issued t) {
        Map<String, Object> body = json("token_type", "bearer", "expires_in", t.expiresIn(),
                "access_token", t.accessToken(), "scope", String.join(" ", t.grant().scopes()));
        if (t.refreshToken() != null) {
            body.put("refresh_token", t.refreshToken());
        }
        return new Reply(200, body, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    /** The authenticated client, or the error reply that ends the call (RFC 6749 section 2.3, RFC 7009 section 2.1). */
    private record ClientOrError(ClientRegistry.Client client, Reply error) {

        /** The error reply if authentication failed, otherwise what {@code next} answers for the client. */
        Reply then(Function<ClientRegistry.Client, Reply> next) {
            return error != null ? error : next.apply(client);
        }
    }

    private ClientOrError authenticate(Map<String, String> form, String authorization) {
        String bodyId = form.get("client_id");
        if (authorization != null && !authorization.isBlank()) {
            Optional<BasicAuth> basic = BasicAuth.parse(authorization);
            Optional<ClientRegistry.Client> c = basic.flatMap(b -> clients.authenticate(b.user(), b.password()));
            if (c.isEmpty() || (bodyId != null && !bodyId.isEmpty() && !bodyId.equals(c.get().id()))) {
                return new ClientOrError(null, oauthError(401, "unauthorized_client", MISSING_AUTH));
            }
            return new ClientOrError(c.get(), null);
        }
        if (bodyId == null || bodyId.isEmpty()) {
            return new ClientOrError(null, oauthError(401, "unauthorized_client", MISSING_AUTH));
        }
        Optional<ClientRegistry.Client> c = clients.client(bodyId);
        if (c.isEmpty()) {
            return new ClientOrError(null, invalid("Value passed for the client_id was invalid."));
        }
        if (c.get().confidential()) {
            return new ClientOrError(null, oauthError(401, "unauthorized_client", MISSING_AUTH));
        }
        return new ClientOrError(c.get(), null);
    }

    private static Reply missing(String param) {
        return invalid("Missing required parameter [" + param + "].");
    }

    private static Reply invalid(String description) {
        return oauthError(400, "invalid_request", description);
    }
}
