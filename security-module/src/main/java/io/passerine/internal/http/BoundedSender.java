package io.passerine.internal.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a Nimbus request over the JDK's {@link HttpURLConnection} (TLS and host names verified by the JVM defaults,
 * no redirects) within {@link HttpTimeouts}: connect and per-read timeouts as before, plus a total deadline — a
 * watchdog disconnects the call when it runs out, which ends a read blocked on a trickling server, in the headers
 * or the body — and a body cap: a declared {@code Content-Length} above it is refused unread, a longer body is cut
 * at the first byte over it. Nimbus builds the request and parses the answer; only the transport is ours. (The
 * JDK's {@code HttpClient} does the same with less code but costs ≈ 2 ms more CPU per call here.)
 */
final class BoundedSender implements HTTPRequestSender {

    /** The answer is larger than the cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        TooLargeException(int status, int max) {
            super("the answer is larger than " + max + " bytes");
            this.status = status;
        }
    }

    /**
     * One daemon thread for every deadline of the JVM. It never calls {@code disconnect()} itself: a disconnect can
     * block on the connection's stream lock while a reader holds it, and one stuck disconnect must not hold back every
     * other call's deadline (it did: a trickled body ran into its 6 s test timeout after an earlier test's call).
     */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    /** Where the watchdog's disconnects run (daemon threads, created on demand, gone after a minute idle). */
    private static final ExecutorService DISCONNECTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "passerine-provider-call-disconnect");
        t.setDaemon(true);
        t.setContextClassLoader(null);
        return t;
    });

    private final HttpTimeouts limits;

    BoundedSender(HttpTimeouts limits) {
        this.limits = limits;
    }

    @Override
    public HTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        long total = limits.total().toMillis();
        HttpURLConnection c = (HttpURLConnection) request.getURL().openConnection();
        c.setConnectTimeout((int) Math.min(limits.connect().toMillis(), total));
        c.setReadTimeout((int) Math.min(limits.read().toMillis(), total));
        c.setInstanceFollowRedirects(false); // a redirected POST would lose its body; credentials stay here
        c.setUseCaches(false);
        c.setRequestMethod(request.getMethod().name());
        request.getHeaderMap().forEach((name, values) -> values.forEach(v -> c.addRequestProperty(name, v)));
        AtomicBoolean expired = new AtomicBoolean();
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(total);
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            expired.set(true);
            DISCONNECTS.execute(c::disconnect);
        }, total, TimeUnit.MILLISECONDS);
        boolean complete = false;
        try {
            if (request.getBody() != null) {
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(request.getBody().getBytes(StandardCharsets.UTF_8));
                }
            }
            HTTPResponse response = new HTTPResponse(c.getResponseCode());
            for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
                if (h.getKey() != null) { // null: the status line
                    response.setHeader(h.getKey(), h.getValue().toArray(String[]::new));
                }
            }
            if (c.getContentLengthLong() > limits.maxResponseBytes()) {
                throw new TooLargeException(response.getStatusCode(), limits.maxResponseBytes());
            }
            byte[] body = read(response.getStatusCode() >= 400 ? c.getErrorStream() : c.getInputStream(),
                    response.getStatusCode(), expired, deadlineNanos);
            if (body.length > 0) {
                response.setBody(new String(body, charset(c.getContentType())));
            }
            complete = true;
            return response;
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                throw new HttpTimeoutException("the whole call took longer than its deadline");
            }
            throw e;
        } finally {
            deadline.cancel(false);
            if (!complete) {
                c.disconnect(); // never hand a half-read connection back to the keep-alive pool
            }
        }
    }

    /**
     * Reads the body within the cap. Checks the deadline after every read as well: the watchdog's
     * {@code disconnect()} does not always close the socket of a body with a small Content-Length (the JDK hands
     * such a stream to its keep-alive cleaner instead), and a server trickling bytes never trips the per-read timeout.
     */
    private byte[] read(InputStream in, int status, AtomicBoolean expired, long deadlineNanos) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            int max = limits.maxResponseBytes();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(max, 8192));
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0;) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    expired.set(true);
                    throw new HttpTimeoutException("the whole call took longer than its deadline");
                }
                if (buffer.size() + n > max) {
                    throw new TooLargeException(status, max);
                }
                buffer.write(chunk, 0, n);
            }
            return buffer.toByteArray();
        }
    }

    private static Charset charset(String contentType) {
        for (String part : contentType == null ? new String[0] : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8; // RFC 8259 §8.1: JSON is UTF-8
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "passerine-provider-call-deadline");
            t.setDaemon(true);
            t.setContextClassLoader(null);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }
}
