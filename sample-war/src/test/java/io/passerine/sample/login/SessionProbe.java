package io.passerine.sample.login;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The IT app's view of its HTTP sessions. {@code GET /note?set=x} (protected) keeps {@code x} in the session and
 * {@code GET /note} shows it: does an attribute survive (step-up) or vanish (account switch)? {@code GET
 * /sessions} (public) shows how many sessions the app ever created ({@link Counter}).
 */
@WebServlet({"/note", "/sessions"})
public class SessionProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final AtomicLong CREATED = new AtomicLong();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        if (req.getServletPath().equals("/sessions")) {
            res.getWriter().write("created=" + CREATED.get() + "\n");
            return;
        }
        String set = req.getParameter("set");
        if (set != null) {
            req.getSession().setAttribute("note", set);
        }
        res.getWriter().write("user=" + req.getUserPrincipal().getName() + "\nnote="
                + req.getSession().getAttribute("note") + "\n");
    }

    /** Counts every session the application creates. */
    @WebListener
    public static class Counter implements HttpSessionListener {
        @Override
        public void sessionCreated(HttpSessionEvent e) {
            CREATED.incrementAndGet();
        }
    }
}
