package io.passerine.sample;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sample's few HTML pages: one layout, everything escaped. */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
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

    /** Writes a page; {@code body} is trusted HTML built with {@link #escape}. */
    static void write(HttpServletResponse res, int status, String contextPath, String title, String body)
            throws IOException {
        res.setStatus(status);
        res.setContentType("text/html;charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        res.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(title) + " · Passerine sample</title><link rel=\"stylesheet\" href=\"" + contextPath
                + "/style.css\"></head><body><main>\n<p><a href=\"" + contextPath + "/\">Passerine sample</a></p>\n<h1>"
                + escape(title) + "</h1>\n" + body + "\n</main></body></html>\n");
    }

    /** The logout button: a POST to the mechanism's logout endpoint. */
    static String logoutButton(String contextPath) {
        return "<form method=\"post\" action=\"" + contextPath + "/oauth2/logout\">"
                + "<button id=\"logout\" type=\"submit\">Log out</button></form>";
    }
}
