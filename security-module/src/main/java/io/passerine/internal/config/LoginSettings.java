package io.passerine.internal.config;

import io.passerine.ConfigurationException;
import io.passerine.internal.http.HttpTimeouts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the PKCE login ({@code passerine.login.*}), read and validated once at deployment. Immutable;
 * {@link #toString()} never shows the client secret.
 *
 * @param clientId OAuth 2.0 client ID
 * @param clientSecret absent for a public client (then {@code client_id} goes in the token request body)
 * @param redirectUri the registered redirect URI, sent byte-for-byte in the authorize and token requests
 * @param issuer the expected RFC 9207 {@code iss} of authorization responses, if the provider sends one
 * @param principalClaim an RFC 6901 JSON pointer into the userinfo document naming the caller
 * @param maxPendingLogins how many unfinished logins (tabs) one session may hold
 * @param postLogoutPath context-relative path the browser is sent to after logout
 * @param errorPage optional context-relative path of an application error page (forwarded to)
 * @param policy the limits and rules of issue 13 (query guard, step-up allowlist, token defaults, refresh backoff)
 * @param apiDetection which headers mark a request as not a browser navigation (a 401 instead of a redirect)
 */
public record LoginSettings(String clientId, Optional<Secret> clientSecret, URI authorizeUri, URI tokenUri,
        URI revokeUri, URI userinfoUri, URI redirectUri, Optional<String> issuer, String principalClaim,
        List<String> scopes, List<String> defaultGroups, HttpTimeouts timeouts, Duration refreshSkew,
        Duration transactionMaxAge, int maxPendingLogins, String postLogoutPath, Optional<String> errorPage,
        LoginPolicy policy, ApiDetection apiDetection) {

    static final String PREFIX = "passerine.login.";
    /** X's stable user id: a handle ({@code /data/username}) can be renamed and then taken by someone else. */
    static final String DEFAULT_PRINCIPAL_CLAIM = "/data/id";

    public LoginSettings {
        scopes = List.copyOf(scopes);
        defaultGroups = List.copyOf(defaultGroups);
    }

    /** Reads and validates every {@code passerine.login.*} key; a problem names the key, never the value. */
    public static LoginSettings from(ConfigReader c) {
        String clientId = c.required(PREFIX + "client-id");
        Optional<Secret> secret = c.optionalSecret(PREFIX + "client-secret");
        URI authorize = c.uri(PREFIX + "authorize-uri", "https://x.com/i/oauth2/authorize");
        URI token = c.uri(PREFIX + "token-uri", "https://api.x.com/2/oauth2/token");
        URI revoke = c.uri(PREFIX + "revoke-uri", "https://api.x.com/2/oauth2/revoke");
        URI userinfo = c.uri(PREFIX + "userinfo-uri", "https://api.x.com/2/users/me");
        URI redirect = c.requiredUri(PREFIX + "redirect-uri");
        if (redirect.getRawFragment() != null || redirect.getRawQuery() != null || redirect.getRawPath() == null
                || !redirect.getRawPath().startsWith("/")) {
            throw new ConfigurationException(PREFIX + "redirect-uri", "must be an absolute URI with a path, "
                    + "no query and no fragment (e.g. https://app.example/ctx/oauth2/callback)");
        }
        Optional<String> issuer = c.optional(PREFIX + "issuer");
        String pointer = c.optional(PREFIX + "principal-claim").orElse(DEFAULT_PRINCIPAL_CLAIM);
        if (!pointer.startsWith("/")) {
            throw new ConfigurationException(PREFIX + "principal-claim", "must be a JSON pointer such as /data/id");
        }
        List<String> scopes = c.list(PREFIX + "scopes", "tweet.read users.read offline.access");
        if (scopes.isEmpty() || !scopes.stream().allMatch(s -> LoginPolicy.SCOPE_TOKEN.matcher(s).matches())) {
            throw new ConfigurationException(PREFIX + "scopes", "must list scope tokens separated by spaces");
        }
        List<String> groups = c.list(PREFIX + "default-groups", "");
        HttpTimeouts timeouts = c.timeouts(PREFIX);
        Duration skew = c.duration(PREFIX + "refresh-skew", Duration.ofSeconds(60));
        Duration maxAge = c.positiveDuration(PREFIX + "transaction-max-age", Duration.ofMinutes(10));
        int maxPending = positiveInt(c, PREFIX + "max-pending-logins", 5);
        String postLogout = localPath(c, PREFIX + "post-logout-path").orElse("/");
        Optional<String> errorPage = localPath(c, PREFIX + "error-page");
        return new LoginSettings(clientId, secret, authorize, token, revoke, userinfo, redirect, issuer, pointer,
                scopes, groups, timeouts, skew, maxAge, maxPending, postLogout, errorPage, LoginPolicy.from(c, scopes),
                ApiDetection.from(c));
    }

    /** Whether the client authenticates at the token endpoint (HTTP Basic, RFC 6749 §2.3.1). */
    public boolean confidential() {
        return clientSecret.isPresent();
    }

    private static int positiveInt(ConfigReader c, String key, int defaultValue) {
        Optional<String> raw = c.optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(raw.get());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ConfigurationException(key, "must be a positive whole number");
    }

    private static Optional<String> localPath(ConfigReader c, String key) {
        Optional<String> p = c.optional(key);
        if (p.isPresent() && (!p.get().startsWith("/") || p.get().startsWith("//") || p.get().contains("\\"))) {
            throw new ConfigurationException(key, "must be a path starting with / inside the application");
        }
        return p;
    }

    @Override
    public String toString() {
        return "LoginSettings[clientId=" + clientId + ", client=" + (confidential() ? "confidential" : "public")
                + ", authorizeUri=" + authorizeUri + ", tokenUri=" + tokenUri + ", revokeUri=" + revokeUri
                + ", userinfoUri=" + userinfoUri + ", redirectUri=" + redirectUri + ", issuer=" + issuer.orElse("-")
                + ", principalClaim=" + principalClaim + ", scopes=" + scopes + ", defaultGroups=" + defaultGroups
                + ", timeouts=" + timeouts + ", refreshSkew=" + refreshSkew + ", transactionMaxAge="
                + transactionMaxAge + ", maxPendingLogins=" + maxPendingLogins + ", postLogoutPath=" + postLogoutPath
                + ", errorPage=" + errorPage.orElse("-") + ", " + policy + ", apiDetection=" + apiDetection + "]";
    }
}
