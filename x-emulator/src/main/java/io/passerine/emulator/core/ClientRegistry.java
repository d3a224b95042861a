package io.passerine.emulator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The registered OAuth 2.0 clients and app-only API keys. Immutable after construction apart from registration. */
public final class ClientRegistry {

    /** An OAuth 2.0 client; {@code secret == null} means a public client (Native App, SPA). */
    public record Client(String id, String secret, String name, List<String> redirectUris) {
        public boolean confidential() {
            return secret != null;
        }
    }

    /** An app's consumer keys, for app-only bearer tokens. */
    public record AppKey(String key, String secret, String name) {
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, AppKey> apps = new ConcurrentHashMap<>();

    public ClientRegistry register(Client client) {
        clients.put(client.id(), new Client(client.id(), client.secret(), client.name(),
                List.copyOf(client.redirectUris())));
        return this;
    }

    public ClientRegistry register(AppKey app) {
        apps.put(app.key(), app);
        return this;
    }

    public Optional<Client> client(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(clients.get(id));
    }

    public Optional<AppKey> app(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(apps.get(key));
    }

    /** The confidential client whose id and secret match, if any. */
    public Optional<Client> authenticate(String id, String secret) {
        return client(id).filter(c -> c.confidential() && same(c.secret(), secret));
    }

    /** The app whose key and secret match, if any. */
    public Optional<AppKey> authenticateApp(String key, String secret) {
        return app(key).filter(a -> same(a.secret(), secret));
    }

    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
