package io.passerine.login.internal;

import io.passerine.internal.cluster.Hashes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TransactionStore} in an AES-GCM sealed cookie ({@link TransactionCookieCodec}): the callback may reach any
 * node that has the keys, no session is needed before login. One cookie per pending login, named
 * {@code <prefix>_<hash of state>} (several tabs), HttpOnly, SameSite=Lax (sent on X's top-level redirect back),
 * Secure when the redirect URI is https, Path = the context root, Max-Age = the transaction's maximum age.
 * One-time: the state is recorded in {@link UsedStates} (cluster-wide with a shared JCache) and the cookie cleared.
 * At most one pending login of a browser keeps a form (issue 20), the newest: an older one is sealed again without
 * its form, so the Cookie header stays small (one ≈ 3 KiB cookie, the others ≈ 0.3 KiB).
 */
final class CookieTransactionStore implements TransactionStore {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final TransactionCookieCodec codec;
    private final UsedStates used;
    private final Clock clock;
    private final Duration maxAge;
    private final String prefix;
    private final boolean secure;
    private final int maxPending;

    CookieTransactionStore(HttpServletRequest request, HttpServletResponse response, TransactionCookieCodec codec,
            UsedStates used, Clock clock, Duration maxAge, String prefix, boolean secure, int maxPending) {
        this.maxPending = maxPending;
        this.request = request;
        this.response = response;
        this.codec = codec;
        this.used = used;
        this.clock = clock;
        this.maxAge = maxAge;
        this.prefix = prefix;
        this.secure = secure;
    }

    @Override
    public void save(LoginTransaction tx) {
        dropOldestBeyond(maxPending - 1, tx.form().isPresent());
        String name = cookieName(tx.state());
        addCookie(name, codec.seal(tx, name), maxAge.toSeconds());
    }

    /**
     * At most {@code keep} pending-login cookies stay (the newest; unreadable ones go first), so that a client that
     * keeps hitting protected URLs without finishing a login cannot grow the Cookie header past the server's limit.
     * With {@code formComing}, the kept ones lose their forms.
     */
    private void dropOldestBeyond(int keep, boolean formComing) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return;
        }
        Instant now = clock.instant();
        List<Map.Entry<String, Optional<LoginTransaction>>> pending = new ArrayList<>();
        for (Cookie c : cookies) {
            if (c.getName().startsWith(prefix + "_")) {
                pending.add(Map.entry(c.getName(), codec.open(c.getValue(), c.getName(), now, maxAge)));
            }
        }
        pending.sort(Comparator.comparing(e -> e.getValue().map(LoginTransaction::createdAt).orElse(Instant.MIN)));
        for (int i = 0; i < pending.size(); i++) {
            String name = pending.get(i).getKey();
            Optional<LoginTransaction> tx = pending.get(i).getValue();
            if (i < pending.size() - keep) {
                addCookie(name, "", 0);
            } else if (formComing && tx.isPresent() && tx.get().form().isPresent()) {
                long left = Duration.between(now, tx.get().createdAt().plus(maxAge)).toSeconds();
                addCookie(name, codec.seal(tx.get().withForm(Optional.empty()), name), Math.max(left, 1));
            }
        }
    }

    @Override
    public Optional<LoginTransaction> take(String state) {
        if (state == null || state.isEmpty()) {
            return Optional.empty();
        }
        String name = cookieName(state);
        String value = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(name)) {
                    value = c.getValue();
                }
            }
        }
        if (value == null) {
            return Optional.empty();
        }
        addCookie(name, "", 0); // cleared whatever happens next
        Instant now = clock.instant();
        Optional<LoginTransaction> tx = codec.open(value, name, now, maxAge)
                .filter(t -> t.state().equals(state));
        if (tx.isEmpty() || !used.firstUse(state, now, tx.get().createdAt().plus(maxAge))) {
            return Optional.empty();
        }
        return tx;
    }

    String cookieName(String state) {
        return prefix + "_" + Hashes.sha256(state).substring(0, 12);
    }

    private void addCookie(String name, String value, long maxAgeSeconds) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        StringBuilder h = new StringBuilder(name).append('=').append(value)
                .append("; Max-Age=").append(maxAgeSeconds).append("; Path=").append(path)
                .append("; HttpOnly; SameSite=Lax");
        if (secure) {
            h.append("; Secure");
        }
        response.addHeader("Set-Cookie", h.toString());
    }
}
