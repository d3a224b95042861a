package io.passerine.bench.social;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Benchmark-only shim between Liberty's socialLogin {@code oauth2Login} (no PKCE support) and the x-emulator, which
 * like X refuses an authorization request without PKCE: {@code GET shim/authorize} redirects to the emulator's
 * authorize endpoint with a fixed {@code plain} challenge added, {@code POST shim/token} forwards the token request
 * with the matching {@code code_verifier} added, {@code GET shim/userinfo} calls X's {@code /2/users/me} with the token as
 * a Bearer header (oauth2Login sends it as an {@code access_token} query parameter, which X refuses) and answers the
 * {@code data} object (oauth2Login's {@code userNameAttribute} is a top-level claim; X nests it). Costs Liberty one
 * extra 302 and two extra loopback HTTP hops per login.
 * A fixed verifier is no protection at all: this exists only so that the comparison can run.
 */
@WebServlet(urlPatterns = {"/shim/authorize", "/shim/token", "/shim/userinfo"})
public class PkceShim extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String VERIFIER = "bench-fixed-verifier-0123456789abcdefghijklmnopqrstuvwxyz";

    /** The emulator's own server ({@code -Dbench.emulator}, set in benchmarks/liberty/jvm.options). */
    private static final String EMULATOR = System.getProperty("bench.emulator", "http://localhost:9181");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (req.getServletPath().endsWith("userinfo")) {
            userInfo(req, res);
            return;
        }
        res.sendRedirect(EMULATOR + "/i/oauth2/authorize?" + req.getQueryString()
                + "&code_challenge=" + VERIFIER + "&code_challenge_method=plain");
    }

    private void userInfo(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String token = req.getParameter("access_token");
        String auth = token != null ? "Bearer " + token : req.getHeader("Authorization");
        HttpURLConnection c = (HttpURLConnection) URI.create(EMULATOR + "/2/users/me").toURL().openConnection();
        if (auth != null) {
            c.setRequestProperty("Authorization", auth);
        }
        int status = c.getResponseCode();
        res.setStatus(status);
        res.setContentType("application/json");
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (status != 200) {
                if (in != null) {
                    in.transferTo(res.getOutputStream());
                }
                return;
            }
            JsonObject data = Json.createReader(in).readObject().getJsonObject("data");
            res.getWriter().write(data.toString());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        byte[] body = (new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                + "&code_verifier=" + VERIFIER).getBytes(StandardCharsets.UTF_8);
        HttpURLConnection c = (HttpURLConnection) URI.create(EMULATOR + "/2/oauth2/token").toURL()
                .openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        String auth = req.getHeader("Authorization");
        if (auth != null) {
            c.setRequestProperty("Authorization", auth);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        res.setStatus(status);
        String type = c.getContentType();
        if (type != null) {
            res.setContentType(type);
        }
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
                OutputStream out = res.getOutputStream()) {
            if (in != null) {
                in.transferTo(out);
            }
        }
    }
}
