package io.passerine.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider endpoint on loopback (the JDK's HTTP server) that counts and records every request it receives and
 * answers what the test scripted: the test oracle is "the provider received exactly K calls".
 */
public final class FakeTokenEndpoint implements AutoCloseable {

    /** What the endpoint answers. */
    public record Answer(int status, String contentType, String body, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json;charset=utf-8", body, 0);
        }

        public Answer delayed(long millis) {
            return new Answer(status, contentType, body, millis);
        }
    }

    /** One request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile java.util.concurrent.CountDownLatch gate;

    public FakeTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeTokenEndpoint answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** Every answer waits until {@code gate} opens (at most 30 s), after the request was counted. */
    public FakeTokenEndpoint holdUntil(java.util.concurrent.CountDownLatch gate) {
        this.gate = gate;
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int calls(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    public List<Received> received() {
        return received;
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer a = answers.getOrDefault(path, Answer.json(404, "{\"error\":\"not_found\"}"));
        try {
            java.util.concurrent.CountDownLatch g = gate;
            if (g != null) {
                g.await(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out first: nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
