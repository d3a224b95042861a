package io.passerine.sample;

import io.passerine.login.LoginRequiredException;
import io.passerine.login.StepUp;
import io.passerine.login.CurrentUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;

/** {@code /sample/timeline}: reads tweets from X as the logged-in user, with the user's own access token. */
@WebServlet("/timeline")
@ServletSecurity(@HttpConstraint(rolesAllowed = "tweet.read"))
public class TimelineServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String IDS = "1261326399320715264,1278347468690915330";

    @Inject
    CurrentUser user;

    @Inject
    XApi api;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        XApi.Answer answer;
        try {
            answer = api.tweetsAsUser(IDS);
        } catch (LoginRequiredException e) { // expired and not refreshable: log in again, then come back
            StepUp.login(req, res);
            return;
        }
        StringBuilder body = new StringBuilder("<p>Read from X as <strong>@")
                .append(Html.escape(user.username())).append("</strong> with your access token.</p>\n");
        if (answer.status() != 200) {
            body.append("<p class=\"error\">X answered ").append(answer.status()).append(".</p>");
        } else {
            body.append("<ul id=\"tweets\">");
            JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
            for (JsonValue v : json.getJsonArray("data")) {
                JsonObject t = v.asJsonObject();
                body.append("<li>").append(Html.escape(t.getString("text", ""))).append("</li>");
            }
            body.append("</ul>");
        }
        Html.write(res, answer.status() == 200 ? 200 : 502, req.getContextPath(), "Timeline", body.toString());
    }
}
