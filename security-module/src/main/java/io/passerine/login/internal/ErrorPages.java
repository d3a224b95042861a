package io.passerine.login.internal;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Ends a failed login with a small HTML page and the failure's status (400, 403 cancelled, 502, 504), or includes
 * the application's own page ({@code passerine.login.error-page}; status and {@code text/html;charset=UTF-8} are
 * set here, as an included page cannot set them) with the request attributes
 * {@code io.passerine.login.error.status}, {@code .title} and {@code .message} (plain text: escape it). No stack
 * trace, provider text HTML-escaped, nothing cached.
 */
public final class ErrorPages {

    private static final System.Logger LOG = System.getLogger(ErrorPages.class.getName());

    public static final String ATTR_STATUS = "io.passerine.login.error.status";
    public static final String ATTR_TITLE = "io.passerine.login.error.title";
    public static final String ATTR_MESSAGE = "io.passerine.login.error.message";

    private ErrorPages() {
    }

    public static AuthenticationStatus send(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx,
            Optional<String> appPage, LoginFailure failure, String startAgain) {
        int status = failure.kind().status();
        res.setStatus(status);
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("text/html;charset=UTF-8");
        // Nothing here commits the response: the container still sets headers after SEND_CONTINUE (Liberty logs
        // SRVE8094W with a stack trace when it finds the response committed, e.g. after a forward or a flush).
        if (appPage.isPresent() && include(req, res, appPage.get(), status, failure)) {
            return AuthenticationStatus.SEND_CONTINUE;
        }
        res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        res.setHeader("X-Content-Type-Options", "nosniff");
        try {
            res.getWriter().write(html(status, failure.kind().title(), failure.getMessage(), startAgain));
        } catch (IOException | IllegalStateException e) {
            // the browser went away, or the application's page took the output stream: nothing more to do
        }
        // SEND_CONTINUE: "the mechanism wrote the response". SEND_FAILURE would let Liberty go on to the resource
        // (a 404 appended to the page for the unprotected callback URL).
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * Includes the application's error page (an include, not a forward: a forward commits the response). Its
     * status and content type are ours; false (and nothing written) when the page cannot be included.
     */
    private static boolean include(HttpServletRequest req, HttpServletResponse res, String page, int status,
            LoginFailure failure) {
        req.setAttribute(ATTR_STATUS, status);
        req.setAttribute(ATTR_TITLE, failure.kind().title());
        req.setAttribute(ATTR_MESSAGE, failure.getMessage());
        RequestDispatcher dispatcher = req.getRequestDispatcher(page);
        if (dispatcher == null) {
            return false;
        }
        try {
            dispatcher.include(req, res);
            return true;
        } catch (ServletException | IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The login error page {0} failed ({1}); showing the built-in page",
                    page, e.getClass().getName());
            if (!res.isCommitted()) {
                res.resetBuffer();
            }
            return res.isCommitted();
        }
    }

    static String html(int status, String title, String message, String startAgain) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;"
                + "padding:0 1em;color:#222}h1{font-size:1.4em}small{color:#666}</style></head>\n<body><h1>"
                + escape(title) + "</h1>\n<p>" + escape(message) + "</p>\n<p><a href=\"" + escape(startAgain)
                + "\">Start again</a></p>\n<p><small>HTTP " + status + "</small></p></body></html>\n";
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
