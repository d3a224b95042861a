package io.passerine.login.internal;

import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The way of a kept form (issue 20) from the POST that had to log in to the first GET after the login. Never
 * replayed: the application only gets to show it again.
 * <ol>
 * <li>an anonymous POST to a protected URL: the mechanism, about to redirect to the provider, asks {@link FormKeeper}
 * ({@link #capture}) and the form goes into the sealed login transaction;</li>
 * <li>a step-up ({@code StepUp.require}, {@code @RequiresScopes}) of a logged-in user: before the redirect to
 * {@code /oauth2/login}, the request's form (a same-origin POST, or the one restored on this GET) waits in the
 * session for that login ({@link #beforeLoginRedirect}), which moves it into its transaction ({@link #takeForLogin});
 * </li>
 * <li>the callback: the transaction's form waits in the (new) session for the first GET of the return path
 * ({@link #afterLogin});</li>
 * <li>that GET, and only it, sees the form: request attribute {@link #ATTRIBUTE} ({@code SavedForm.of(request)}) and
 * {@code getParameter*} through a request wrapper ({@link HttpMessageContext#withRequest}, as
 * {@code @LoginToContinue} does, or {@link SavedFormFilter} where the container ignores it) ({@link #restore}).</li>
 * </ol>
 * Each session hop lasts at most {@link #HOLD}; no session is ever created for a form.
 */
public final class SavedForms {

    private static final System.Logger LOG = System.getLogger(SavedForms.class.getName());

    /** The request attribute holding the restored {@link FormData}. */
    public static final String ATTRIBUTE = "io.passerine.login.saved-form";
    /** How long a form waits in the session, for the next login or for the first GET after it. */
    static final Duration HOLD = Duration.ofMinutes(2);
    static final String NEXT_LOGIN = "io.passerine.login.form.next-login";
    static final String FIRST_GET = "io.passerine.login.form.first-get";

    /** A form waiting in the session for the request of {@code path} (path and query) until {@code until}. */
    record Held(String path, FormData form, Instant until) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final FormKeeper keeper;
    private final Clock clock;

    SavedForms(FormKeeper keeper, Clock clock) {
        this.keeper = keeper;
        this.clock = clock;
    }

    /** The form of a request about to be sent to log in; the body is read (bounded) only if it may be kept. */
    Optional<FormData> capture(HttpServletRequest req) {
        return keeper.keep(req.getMethod(), req.getContentType(), req.getHeader("Origin"), req.getHeader("Referer"),
                req.getContentLengthLong(), req::getInputStream);
    }

    /**
     * Before a redirect to {@code /oauth2/login} back to this request's path: its form (restored on this GET, or a
     * same-origin POST) waits in the existing session for that login. Call it before the request's parameters are
     * read (the body can be read once). Without a session nothing is kept.
     */
    public void beforeLoginRedirect(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session == null) {
            return;
        }
        Optional<FormData> form = req.getAttribute(ATTRIBUTE) instanceof FormData restored ? Optional.of(restored)
                : capture(req);
        form.ifPresent(f -> {
            session.setAttribute(NEXT_LOGIN, new Held(ReturnPath.of(req.getRequestURI(), req.getQueryString()), f,
                    clock.instant().plus(HOLD)));
            LOG.log(System.Logger.Level.DEBUG, "Form of {0} bytes handed to the login back to {1}", f.size(),
                    req.getRequestURI());
        });
    }

    /** {@code /oauth2/login} back to {@code returnPath}: the form handed over for it, once. */
    Optional<FormData> takeForLogin(HttpServletRequest req, String returnPath) {
        return take(req.getSession(false), NEXT_LOGIN, returnPath, true);
    }

    /** After the callback's login: the transaction's form waits for the first GET of its return path. */
    void afterLogin(HttpServletRequest req, LoginTransaction tx) {
        HttpSession session = req.getSession(false);
        if (session != null && tx.form().isPresent()) {
            session.setAttribute(FIRST_GET, new Held(tx.returnPath(), tx.form().get(), clock.instant().plus(HOLD)));
            LOG.log(System.Logger.Level.DEBUG, "Form of {0} bytes waits for the first GET after the login",
                    tx.form().get().size());
        }
    }

    /** A logged-in request: the first GET of the return path gets the form (attribute and wrapper), once. */
    void restore(HttpServletRequest req, HttpMessageContext ctx) {
        HttpSession session = req.getSession(false);
        if (!"GET".equals(req.getMethod()) || session == null || session.getAttribute(FIRST_GET) == null) {
            return; // the common case, every request of a session: nothing held, no return path built
        }
        take(session, FIRST_GET, ReturnPath.of(req.getRequestURI(), req.getQueryString()), false)
                .ifPresent(form -> {
                    req.setAttribute(ATTRIBUTE, form);
                    ctx.withRequest(new SavedFormRequest(req, form)); // else SavedFormFilter wraps it
                    LOG.log(System.Logger.Level.DEBUG, "Form of {0} bytes shown to {1}", form.size(),
                            req.getRequestURI());
                });
    }

    /** The held form for {@code path}, removed; an expired one is removed too; another path's stays unless asked. */
    private Optional<FormData> take(HttpSession session, String name, String path, boolean removeAnyway) {
        if (session == null || !(session.getAttribute(name) instanceof Held held)) {
            return Optional.empty();
        }
        boolean live = clock.instant().isBefore(held.until());
        boolean match = held.path().equals(path);
        if (!live || match || removeAnyway) {
            session.removeAttribute(name);
        }
        return live && match ? Optional.of(held.form()) : Optional.empty();
    }
}
