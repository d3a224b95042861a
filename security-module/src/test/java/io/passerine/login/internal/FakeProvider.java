package io.passerine.login.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.passerine.internal.config.ConfigReader;
import io.passerine.internal.config.LoginSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local JDK HTTP server playing X's token, revoke and userinfo endpoints; counts and records every call. */
final class FakeProvider implements AutoCloseable {

    /** One recorded request. */
    record Call(String path, String authorization, String body) {
    }

    /** What to answer. */
    interface Answer {
        Reply reply(Call call) throws Exception;
    }

    record Reply(int status, String contentType, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }
    }

    final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    FakeProvider on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    int count(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Settings pointing at this server; {@code extra} overrides. */
    LoginSettings settings(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>();
        m.put("passerine.login.client-id", "client-1");
        m.put("passerine.login.client-secret", "s3cr3t-value");
        m.put("passerine.login.redirect-uri", "https://app.example/ctx/oauth2/callback");
        m.put("passerine.login.token-uri", uri("/2/oauth2/token").toString());
        m.put("passerine.login.revoke-uri", uri("/2/oauth2/revoke").toString());
        m.put("passerine.login.userinfo-uri", uri("/2/users/me").toString());
        m.put("passerine.login.read-timeout", "1s");
        m.put("passerine.login.connect-timeout", "1s");
        m.putAll(extra);
        return LoginSettings.from(ConfigReader.of(m));
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        Call call = new Call(path, ex.getRequestHeaders().getFirst("Authorization"), body);
        calls.add(call);
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Reply reply;
        try {
            Answer a = answers.get(path);
            reply = a == null ? Reply.json(404, "{\"error\":\"not_found\"}") : a.reply(call);
        } catch (Exception e) {
            reply = Reply.json(500, "{\"error\":\"server_error\"}");
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    /** The form parameters of a recorded call. */
    static Map<String, List<String>> form(Call call) {
        return com.nimbusds.oauth2.sdk.util.URLUtils.parseParameters(call.body());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
