package io.passerine.emulator;

import io.passerine.emulator.core.AuthorizeService;
import java.util.Map;

/** The HTML of the consent page and of X's "Something went wrong" page; every dynamic value is escaped. */
final class ConsentPage {

    private static final Map<String, String> SCOPE_TEXT = Map.ofEntries(
            Map.entry("tweet.read", "Read Posts you can view, including from protected accounts."),
            Map.entry("tweet.write", "Post and repost for you."),
            Map.entry("users.read", "Read your profile information and the accounts you can view."),
            Map.entry("users.email", "Read your email address."),
            Map.entry("offline.access", "Stay connected to your account until you revoke access."),
            Map.entry("follows.read", "See who you follow and who follows you."),
            Map.entry("follows.write", "Follow and unfollow accounts for you."),
            Map.entry("like.read", "See Posts you liked."),
            Map.entry("like.write", "Like and unlike Posts for you."));

    private static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "background:#f7f9f9;color:#0f1419;margin:0}main{max-width:30rem;margin:3rem auto;background:#fff;"
            + "border:1px solid #cfd9de;border-radius:16px;padding:2rem}h1{font-size:1.4rem;margin:0 0 1rem}"
            + "ul{padding-left:1.2rem}li{margin:.3rem 0}code{background:#eff3f4;border-radius:4px;padding:0 .25rem}"
            + "label{display:block;font-weight:600;margin:1rem 0 .3rem}input[type=text]{width:100%;box-sizing:"
            + "border-box;padding:.6rem;border:1px solid #cfd9de;border-radius:8px;font-size:1rem}"
            + ".actions{display:flex;gap:.75rem;margin-top:1.5rem}button{flex:1;padding:.7rem;border-radius:999px;"
            + "font-size:1rem;font-weight:700;cursor:pointer}#authorize{background:#0f1419;color:#fff;border:0}"
            + "#cancel{background:#fff;color:#0f1419;border:1px solid #cfd9de}.error{color:#b00020}"
            + ".muted{color:#536471;font-size:.9rem}";

    private ConsentPage() {
    }

    static String consent(AuthorizeService.Request r, String consentId, String message, String username) {
        StringBuilder scopes = new StringBuilder();
        for (String s : r.scopes()) {
            scopes.append("<li><code>").append(esc(s)).append("</code> ")
                    .append(esc(SCOPE_TEXT.getOrDefault(s, ""))).append("</li>");
        }
        String app = esc(r.client().name());
        return page("Authorize " + app, "<h1><strong>" + app + "</strong> wants to access your X account</h1>"
                + (message == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(message) + "</p>")
                + "<p>It will be able to:</p><ul id=\"scopes\">" + scopes + "</ul>"
                + "<form method=\"post\" action=\"authorize\">"
                + "<input type=\"hidden\" name=\"consent\" value=\"" + esc(consentId) + "\">"
                + "<label for=\"username\">Username</label>"
                + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" maxlength=\"15\""
                + " value=\"" + esc(username == null ? "" : username) + "\" autofocus>"
                + "<div class=\"actions\">"
                + "<button type=\"submit\" id=\"authorize\" name=\"action\" value=\"authorize\">Authorize app</button>"
                + "<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\" formnovalidate>Cancel"
                + "</button></div></form>"
                + "<p class=\"muted\">You will be sent back to " + esc(r.redirectUri()) + "</p>");
    }

    static String error(String detail) {
        return page("Something went wrong", "<h1>Something went wrong</h1>"
                + "<p id=\"error\">You weren't able to give access to the App. Go back and try logging in again.</p>"
                + "<p class=\"muted\">" + esc(detail) + "</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + title
                + " / X</title><style>" + CSS + "</style></head><body><main>" + body + "</main></body></html>";
    }

    /** HTML-escapes text and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
