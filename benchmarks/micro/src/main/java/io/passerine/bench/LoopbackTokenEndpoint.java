package io.passerine.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client-credentials token endpoint on loopback (the JDK's HTTP server) that counts the calls it receives and
 * answers a fresh bearer token each time, optionally after a delay (so a stampede has time to pile up behind the
 * first request) and optionally with {@code expires_in}.
 */
public final class LoopbackTokenEndpoint implements AutoCloseable {

    public static final String PATH = "/oauth2/token";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final AtomicInteger calls = new AtomicInteger();
    private final long delayMillis;
    private final long expiresInSeconds;

    /** @param expiresInSeconds 0 = no {@code expires_in} (X's app-only tokens never expire) */
    public LoopbackTokenEndpoint(long delayMillis, long expiresInSeconds) throws IOException {
        this.delayMillis = delayMillis;
        this.expiresInSeconds = expiresInSeconds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1100);
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = calls.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            String body = "{\"token_type\":\"bearer\",\"access_token\":\"AAAAAAAAAAAAAAAAAAAAA-bench-" + n + "\""
                    + (expiresInSeconds > 0 ? ",\"expires_in\":" + expiresInSeconds : "") + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
