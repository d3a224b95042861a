package io.passerine.sample;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of one of the sample's forms (synchronizer token pattern): a random value kept in the session under
 * the page's own attribute, sent back as the form field {@code csrf} and compared in constant time.
 */
final class CsrfToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String attribute;

    CsrfToken(Class<?> page) {
        this.attribute = page.getName() + ".csrf";
    }

    /** The session's token for this page, made on first use. */
    String of(HttpSession session) {
        Object t = session.getAttribute(attribute);
        if (t == null) {
            byte[] b = new byte[24];
            RANDOM.nextBytes(b);
            t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            session.setAttribute(attribute, t);
        }
        return (String) t;
    }

    /** Whether the request's {@code csrf} parameter is this page's token of the request's session. */
    boolean matches(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        Object expected = session == null ? null : session.getAttribute(attribute);
        String given = req.getParameter("csrf");
        return expected != null && given != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
