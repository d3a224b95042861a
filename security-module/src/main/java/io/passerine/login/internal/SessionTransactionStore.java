package io.passerine.login.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link TransactionStore} in the HTTP session of the current request (the session cookie binds the transaction to
 * the browser). Several pending logins per session, keyed by state, each with a maximum age, at most {@code max}.
 */
public final class SessionTransactionStore implements TransactionStore {

    static final String ATTRIBUTE = "io.passerine.login.pending";

    private final HttpServletRequest request;
    private final Clock clock;
    private final Duration maxAge;
    private final int max;

    public SessionTransactionStore(HttpServletRequest request, Clock clock, Duration maxAge, int max) {
        this.request = request;
        this.clock = clock;
        this.maxAge = maxAge;
        this.max = max;
    }

    @Override
    public void save(LoginTransaction tx) {
        HttpSession session = request.getSession(true);
        PendingLogins pending;
        synchronized (SessionTransactionStore.class) { // only guards creating the per-session map (two tabs)
            pending = (PendingLogins) session.getAttribute(ATTRIBUTE);
            if (pending == null) {
                pending = new PendingLogins();
                session.setAttribute(ATTRIBUTE, pending);
            }
        }
        pending.put(tx, clock.instant(), maxAge, max);
        session.setAttribute(ATTRIBUTE, pending); // re-set: replicating session managers see the change
    }

    @Override
    public Optional<LoginTransaction> take(String state) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingLogins pending)) {
            return Optional.empty();
        }
        Optional<LoginTransaction> tx = pending.take(state, clock.instant(), maxAge);
        session.setAttribute(ATTRIBUTE, pending);
        return tx;
    }
}
