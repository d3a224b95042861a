package io.passerine.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on a raw socket that answers every request the same scripted, hostile way: bytes
 * trickled one at a time (in the headers or in the body), or a body far larger than any token response. Every
 * connection ends after at most 30 s or when the client goes away, so nothing outlives the test.
 */
final class MisbehavingServer implements AutoCloseable {

    /** How to answer. */
    enum Mode {
        /** Status line, then one header byte per tick, forever. */
        TRICKLE_HEADERS,
        /** Complete headers promising 1,000 bytes, then one body byte per tick. */
        TRICKLE_BODY,
        /** 200, chunked JSON of {@code size} bytes as fast as possible. */
        HUGE_CHUNKED,
        /** 200 with a Content-Length of {@code size} (the body is never sent in full). */
        HUGE_DECLARED
    }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Mode mode;
    private final int size;
    private final long tickMillis;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger bytesSent = new AtomicInteger();

    MisbehavingServer(Mode mode, int size, long tickMillis) throws IOException {
        this.mode = mode;
        this.size = size;
        this.tickMillis = tickMillis;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::accept);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                pool.submit(() -> answer(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        long end = System.currentTimeMillis() + 30_000;
        try (s; OutputStream out = s.getOutputStream()) {
            s.getInputStream().read(new byte[8192]); // the request (small): enough to answer
            requests.incrementAndGet();
            switch (mode) {
                case TRICKLE_HEADERS -> {
                    write(out, "HTTP/1.1 200 OK\r\n");
                    while (System.currentTimeMillis() < end) {
                        write(out, "X");
                        Thread.sleep(tickMillis);
                    }
                }
                case TRICKLE_BODY -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
                    while (System.currentTimeMillis() < end) {
                        write(out, " ");
                        Thread.sleep(tickMillis);
                    }
                }
                case HUGE_CHUNKED -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                    byte[] chunk = " ".repeat(8192).getBytes(StandardCharsets.US_ASCII);
                    for (int sent = 0; sent < size && System.currentTimeMillis() < end; sent += chunk.length) {
                        write(out, Integer.toHexString(chunk.length) + "\r\n");
                        out.write(chunk);
                        write(out, "\r\n");
                    }
                    write(out, "0\r\n\r\n");
                }
                case HUGE_DECLARED -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + size
                            + "\r\n\r\n{");
                    Thread.sleep(Math.min(30_000, tickMillis * 100));
                }
            }
        } catch (IOException | InterruptedException clientGoneOrStopped) {
            // the client gave up (what the tests want) or the server stops
        }
    }

    private void write(OutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b);
        out.flush();
        bytesSent.addAndGet(b.length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }
}
