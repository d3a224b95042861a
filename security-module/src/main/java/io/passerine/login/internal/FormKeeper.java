package io.passerine.login.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a request that is about to be sent to log in (or to step up) leaves a form to keep (issue 20).
 * Kept only: a {@code POST} of {@code application/x-www-form-urlencoded} (no charset, or UTF-8; never multipart or
 * JSON), from the application's own origin ({@link SameOrigin}: {@code Origin}, else {@code Referer}), of at most
 * {@code maxBytes} bytes of printable ASCII that parse as a form ({@link FormData}). Anything else keeps nothing,
 * and the login goes on. A cross-site form is never kept: it could otherwise plant text in the victim's form after
 * the login. The body is read only once every header check passed, and at most {@code maxBytes + 1} bytes of it:
 * a declared {@code Content-Length} over the cap is not read at all. Plain Java.
 */
final class FormKeeper {

    private static final System.Logger LOG = System.getLogger(FormKeeper.class.getName());
    static final String FORM = "application/x-www-form-urlencoded";

    /** The request body, opened only when the headers allow keeping it. */
    @FunctionalInterface
    interface Body {
        InputStream open() throws IOException;
    }

    private final SameOrigin origin;
    private final int maxBytes;

    /** @param maxBytes 0 (keep nothing) to {@link FormData#MAX_BYTES} */
    FormKeeper(SameOrigin origin, int maxBytes) {
        if (maxBytes < 0 || maxBytes > FormData.MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be 0 to " + FormData.MAX_BYTES);
        }
        this.origin = origin;
        this.maxBytes = maxBytes;
    }

    /**
     * The form to keep, or empty.
     *
     * @param contentLength the declared length, -1 when unknown (chunked)
     */
    Optional<FormData> keep(String method, String contentType, String originHeader, String referer,
            long contentLength, Body body) {
        if (!"POST".equals(method)) { // most logins start with a GET: nothing to say
            return Optional.empty();
        }
        String refusal = refusal(contentType, originHeader, referer, contentLength);
        if (refusal != null) {
            LOG.log(Level.DEBUG, "Form not kept across the login: {0}", refusal);
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = body.open()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Form not kept across the login: body unreadable ({0})", e.getClass().getName());
            return Optional.empty();
        }
        if (bytes.length > maxBytes) {
            LOG.log(Level.DEBUG, "Form not kept across the login: body over {0} bytes", maxBytes);
            return Optional.empty();
        }
        Optional<FormData> form = FormData.parse(new String(bytes, StandardCharsets.ISO_8859_1), maxBytes);
        LOG.log(Level.DEBUG, "Form {0} across the login", form.isPresent() ? "kept" : "not kept (not a form)");
        return form;
    }

    /** Why the headers alone rule out keeping; null when the body may be read. */
    private String refusal(String contentType, String originHeader, String referer, long contentLength) {
        if (maxBytes == 0) {
            return "keeping forms is off";
        }
        if (!isPlainForm(contentType)) {
            return "not " + FORM;
        }
        if (!origin.allows(originHeader, referer)) {
            return "cross-site (Origin/Referer not the application's)";
        }
        if (contentLength == 0 || contentLength > maxBytes) {
            return contentLength == 0 ? "empty" : "body over " + maxBytes + " bytes";
        }
        return null;
    }

    /** {@code application/x-www-form-urlencoded}, optionally {@code ; charset=UTF-8}, nothing else. */
    static boolean isPlainForm(String contentType) {
        if (contentType == null || contentType.length() > 100) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(FORM)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!p.isEmpty() && !p.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }
}
