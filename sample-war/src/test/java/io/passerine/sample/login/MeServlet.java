package io.passerine.sample.login;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A protected page (web.xml: any authenticated user): who am I, which roles. */
@WebServlet("/me")
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        res.getWriter().write("principal=" + req.getUserPrincipal().getName()
                + "\ntweet.read=" + req.isUserInRole("tweet.read")
                + "\ntweet.write=" + req.isUserInRole("tweet.write")
                + "\nquery=" + req.getQueryString() + "\n");
    }
}
