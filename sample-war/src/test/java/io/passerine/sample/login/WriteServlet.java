package io.passerine.sample.login;

import io.passerine.login.StepUp;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A protected servlet that needs {@code tweet.write}: step-up through {@link StepUp#require}. */
@WebServlet("/write")
public class WriteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!StepUp.require(req, res, "tweet.write")) {
            return;
        }
        res.setContentType("text/plain;charset=UTF-8");
        res.getWriter().write("servlet can write\n");
    }
}
