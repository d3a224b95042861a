package io.passerine.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a Nimbus request with the JDK's {@link HttpClient} (TLS and host names verified with the JVM's default
 * {@code SSLContext}, no redirects, HTTP/1.1) within {@link HttpTimeouts}: the connect timeout for the connection,
 * the read timeout for the answer's headers (counted from sending, as the JDK client does), the total deadline for the whole call including the body, and the body capped at {@code maxResponseBytes}
 * ({@link CappedBody}). Nimbus builds the request and parses the answer; only the transport is ours.
 */
final class BoundedSender implements HTTPRequestSender {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** One client per connect timeout (in practice one or two per application); clients are thread-safe. */
    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final HttpTimeouts limits;

    BoundedSender(HttpTimeouts limits) {
        this.limits = limits;
    }

    @Override
    public HTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        long deadline = System.nanoTime() + limits.total().toNanos();
        Duration answer = limits.read().compareTo(limits.total()) < 0 ? limits.read() : limits.total();
        HttpRequest.Builder b = HttpRequest.newBuilder(request.getURI()).timeout(answer); // until the headers
        request.getHeaderMap().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        String body = request.getBody();
        b.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        CompletableFuture<HttpResponse<byte[]>> call = client().sendAsync(b.build(), info -> new CappedBody(
                info.statusCode(), info.headers().firstValueAsLong("content-length").orElse(-1),
                limits.maxResponseBytes(), deadline));
        try {
            return toNimbus(call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpTimeoutException("the whole call took longer than its deadline");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName());
        }
    }

    private HttpClient client() {
        return CLIENTS.computeIfAbsent(limits.connect(), connect -> HttpClient.newBuilder()
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER) // a redirected POST would lose its body; no credentials
                .version(HttpClient.Version.HTTP_1_1)       // travel elsewhere
                .build());
    }

    private static HTTPResponse toNimbus(HttpResponse<byte[]> r) {
        HTTPResponse response = new HTTPResponse(r.statusCode());
        r.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.setHeader(name, values.toArray(String[]::new));
            }
        });
        byte[] bytes = r.body();
        if (bytes.length > 0) {
            response.setBody(new String(bytes, charset(r.headers().firstValue("content-type").orElse(""))));
        }
        return response;
    }

    private static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
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
}
