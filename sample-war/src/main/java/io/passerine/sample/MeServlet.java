package io.passerine.sample;

import io.passerine.login.CurrentUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;

/** {@code /sample/me}: who is logged in and what they granted; JSON when asked with {@code Accept: application/json}. */
@WebServlet("/me")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser user;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        TreeSet<String> scopes = new TreeSet<>(user.scopes());
        String accept = req.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            scopes.forEach(list::add);
            res.setContentType("application/json");
            // principal = X's stable user id by default (a username can be renamed and then taken by someone else)
            res.getWriter().write(Json.createObjectBuilder().add("principal", req.getUserPrincipal().getName())
                    .add("id", user.id()).add("username", user.username()).add("name", user.name())
                    .add("scopes", list).build().toString());
            return;
        }
        String ctx = req.getContextPath();
        StringBuilder body = new StringBuilder()
                .append("<p>Logged in as <strong id=\"name\">").append(Html.escape(user.name()))
                .append("</strong> (<span id=\"username\">@").append(Html.escape(user.username()))
                .append("</span>, id ").append(Html.escape(user.id())).append(").</p>\n<p>Granted scopes:</p><ul id=\"scopes\">");
        scopes.forEach(s -> body.append("<li><code>").append(Html.escape(s)).append("</code></li>"));
        body.append("</ul>\n<ul><li><a href=\"").append(ctx).append("/timeline\">Your timeline</a> (calls X as you)</li>")
                .append("<li><a href=\"").append(ctx).append("/compose\">Compose a post</a> (needs <code>tweet.write</code>: step-up)</li></ul>\n")
                .append(Html.logoutButton(ctx));
        Html.write(res, 200, ctx, "Your account", body.toString());
    }
}
