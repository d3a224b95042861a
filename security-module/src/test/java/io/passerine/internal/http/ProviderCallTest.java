package io.passerine.internal.http;

import io.passerine.ProviderException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import io.passerine.internal.http.MisbehavingServer.Mode;
import io.passerine.ProviderException.Failure;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: every provider call has a size cap and a total deadline. A trickling server (one byte per tick,
 * in the headers or the body) and a huge body both fail fast with a typed {@link ProviderException}.
 */
class ProviderCallTest {

    /** Per-read timeout 1 s (never reached by a 50 ms trickle), total deadline 1.5 s, 64 KiB. */
    static final HttpTimeouts LIMITS = new HttpTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMillis(1500), 64 * 1024);

    private static ProviderException failing(MisbehavingServer server) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, server.uri("/token"));
        request.setHeader("Content-Type", "application/x-www-form-urlencoded");
        request.setBody("grant_type=client_credentials");
        long start = System.nanoTime();
        ProviderException e = assertTimeoutPreemptively(Duration.ofSeconds(6), () -> assertThrows(
                ProviderException.class, () -> ProviderCall.send(request, LIMITS, "token request to test")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "failed fast: " + millis + " ms");
        return e;
    }

    @Test
    void aBodyTrickledByteByByteHitsTheTotalDeadline() throws Exception {
        try (MisbehavingServer s = new MisbehavingServer(Mode.TRICKLE_BODY, 0, 50)) {
            ProviderException e = failing(s);
            assertEquals(Failure.TIMEOUT, e.failure());
            assertTrue(e.getMessage().contains("1500 ms"), e.getMessage());
        }
    }

    @Test
    void headersTrickledByteByByteHitTheTotalDeadline() throws Exception {
        try (MisbehavingServer s = new MisbehavingServer(Mode.TRICKLE_HEADERS, 0, 50)) {
            assertEquals(Failure.TIMEOUT, failing(s).failure());
        }
    }

    @Test
    void aHugeChunkedBodyIsCutAtTheCap() throws Exception {
        try (MisbehavingServer s = new MisbehavingServer(Mode.HUGE_CHUNKED, 50 * 1024 * 1024, 0)) {
            ProviderException e = failing(s);
            assertEquals(Failure.MALFORMED_RESPONSE, e.failure());
            assertTrue(e.getMessage().contains("65536 bytes"), e.getMessage());
            assertTrue(s.bytesSent.get() < 10 * 1024 * 1024, "stopped reading early: " + s.bytesSent.get());
        }
    }

    @Test
    void aDeclaredHugeBodyIsRefusedBeforeReadingIt() throws Exception {
        try (MisbehavingServer s = new MisbehavingServer(Mode.HUGE_DECLARED, 1 << 30, 100)) {
            assertEquals(Failure.MALFORMED_RESPONSE, failing(s).failure());
        }
    }

    @Test
    void anOrdinaryAnswerPassesWithStatusHeadersAndBody() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/t", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            byte[] body = ("{\"error\":\"invalid_grant\",\"echo\":\"" + new String(in, StandardCharsets.UTF_8)
                    + "\",\"auth\":\"" + ex.getRequestHeaders().getFirst("Authorization") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            ex.getResponseHeaders().set("x-rate-limit-remaining", "7");
            ex.sendResponseHeaders(400, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST,
                    java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/t"));
            request.setHeader("Content-Type", "application/x-www-form-urlencoded");
            request.setAuthorization("Basic abc");
            request.setBody("a=%C3%A9");
            HTTPResponse r = ProviderCall.send(request, LIMITS, "test call");
            assertEquals(400, r.getStatusCode());
            assertEquals("7", r.getHeaderValue("x-rate-limit-remaining"));
            assertEquals("{\"error\":\"invalid_grant\",\"echo\":\"a=%C3%A9\",\"auth\":\"Basic abc\"}", r.getBody());
            assertEquals("invalid_grant", ProviderErrors.code(r));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new HttpTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO, 1024));
        assertThrows(IllegalArgumentException.class, () -> new HttpTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 0));
        assertEquals(Duration.ofSeconds(15), HttpTimeouts.DEFAULT.total(), "default deadline: connect + read");
        assertEquals(64 * 1024, HttpTimeouts.DEFAULT.maxResponseBytes());
    }
}
