package io.passerine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills a server with HTTP sessions for the memory benchmark (bench.sh memory):
 * <ul>
 * <li>{@code logins <protectedUrl> <n> <concurrency>}: n complete logins through the emulator
 * ({@link LoginClient#login}), each from an empty cookie jar, so n logged-in sessions;</li>
 * <li>{@code empty <url> <n> <concurrency>}: n GETs without a cookie to an endpoint that creates an empty session.</li>
 * </ul>
 * Prints {@code DONE <mode> <ok> <failed>}; exits non-zero when any failed.
 */
public final class SessionFill {

    private SessionFill() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI url = URI.create(args[1]);
        int n = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                LoginClient browser = new LoginClient();
                HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (next.getAndIncrement() < n) {
                    try {
                        if (mode.equals("logins")) {
                            browser.login(url);
                        } else {
                            HttpResponse<Void> r = plain.send(HttpRequest.newBuilder(url).GET().build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200 || r.headers().firstValue("Set-Cookie").isEmpty()) {
                                throw new IllegalStateException("no new session: " + r.statusCode());
                            }
                        }
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println("first failure: " + e);
                        }
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("DONE " + mode + " " + ok.get() + " " + failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
