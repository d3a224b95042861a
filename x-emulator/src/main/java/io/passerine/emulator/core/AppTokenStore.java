package io.passerine.emulator.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** App-only bearer tokens: one per app, returned again until invalidated; they never expire. Thread-safe. */
public final class AppTokenStore {

    private final Map<String, String> tokenByApp = new ConcurrentHashMap<>();
    private final Map<String, String> appByToken = new ConcurrentHashMap<>();

    /** The app's current token, minted on first use. */
    public synchronized String tokenFor(String appKey) {
        return tokenByApp.computeIfAbsent(appKey, k -> {
            String t = Randoms.appToken();
            appByToken.put(t, k);
            return t;
        });
    }

    /** The app owning a live token. */
    public Optional<String> appOf(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(appByToken.get(token));
    }

    /** Invalidates the token when it is the app's current one; false otherwise. */
    public synchronized boolean invalidate(String appKey, String token) {
        if (token == null || !appKey.equals(appByToken.get(token))) {
            return false;
        }
        appByToken.remove(token);
        tokenByApp.remove(appKey, token);
        return true;
    }

    public synchronized void clear() {
        tokenByApp.clear();
        appByToken.clear();
    }
}
