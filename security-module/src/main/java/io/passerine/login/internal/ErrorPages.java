package io.passerine.login.internal;

import io.passerine.login.LoginErrorAttributes;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Ends a failed login with a small HTML page and the failure's status (400, 403 cancelled, 502, 504), or forwards
 * to the application's own page ({@code passerine.login.error-page}) with the request attributes of
 * {@link LoginErrorAttributes} (plain text: escape it). No stack
 * trace, provider text HTML-escaped, nothing cached.
 */
final class ErrorPages {

    private ErrorPages() {
    }

    public static AuthenticationStatus send(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx,
            Optional<String> appPage, LoginFailure failure, String startAgain) {
        int status = failure.kind().status();
        res.setStatus(status);
        res.setHeader("Cache-Control", "no-store");
        if (appPage.isPresent()) {
            req.setAttribute(LoginErrorAttributes.STATUS, status);
            req.setAttribute(LoginErrorAttributes.TITLE, failure.kind().title());
            req.setAttribute(LoginErrorAttributes.MESSAGE, failure.getMessage());
            return ctx.forward(appPage.get());
        }
        res.setContentType("text/html;charset=UTF-8");
        res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        res.setHeader("X-Content-Type-Options", "nosniff");
        try {
            res.getWriter().write(html(status, failure.kind().title(), failure.getMessage(), startAgain));
            res.flushBuffer();
        } catch (IOException e) {
            // the browser went away: nothing more to do
        }
        // SEND_CONTINUE: "the mechanism wrote the response". SEND_FAILURE would let Liberty go on to the resource
        // (a 404 appended to the page for the unprotected callback URL).
        return AuthenticationStatus.SEND_CONTINUE;
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
