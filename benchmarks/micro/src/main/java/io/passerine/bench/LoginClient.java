package io.passerine.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scripted browser for the login benchmarks (JDK HttpClient, HTTP/1.1 — its h2c upgrade hangs on Liberty — no
 * automatic redirects, a cookie jar). One login: GET the protected URL, follow the redirects to the x-emulator's
 * authorize page, read the consent id from the form, POST it with a username and {@code action=authorize}, follow
 * the redirects (callback, back to the page) and check the page answers 200 {@code hello}. Works for Passerine's
 * mechanism and for Liberty's socialLogin alike.
 *
 * <ul>
 * <li>{@code cookie <protectedUrl>}: one login, prints the {@code Cookie} header value of the logged-in session
 * (for wrk);</li>
 * <li>{@code roundtrips <label> <protectedUrl> <seconds> <concurrency> [warmupSeconds]}: full logins back to back,
 * each with an empty cookie jar, on {@code concurrency} threads; prints logins per second and the p50 and p99 of
 * one login's wall-clock time (first request to the 200 {@code hello}), in milliseconds, as a {@code RATE} line.</li>
 * </ul>
 */
public final class LoginClient {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");
    private static final AtomicLong USERS = new AtomicLong(System.nanoTime() % 1_000_000);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).cookieHandler(cookies).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "cookie" -> {
                LoginClient c = new LoginClient();
                c.login(URI.create(args[1]));
                System.out.println(c.cookieHeader(URI.create(args[1])));
            }
            case "roundtrips" -> roundTrips(args[1], URI.create(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 0);
            default -> throw new IllegalArgumentException("cookie | roundtrips");
        }
    }

    /** Logs in from an empty cookie jar; returns the number of HTTP requests it took. */
    int login(URI page) throws Exception {
        cookies.getCookieStore().removeAll();
        int requests = 0;
        URI at = page;
        HttpResponse<String> res = null;
        // 1. to the authorize page
        for (int hop = 0; ; hop++) {
            res = get(at);
            requests++;
            if (at.getPath().endsWith("/i/oauth2/authorize") && res.statusCode() == 200) {
                break;
            }
            if (res.statusCode() / 100 != 3 || hop > 8) {
                throw new IllegalStateException("on the way to the consent page: " + res.statusCode() + " at " + at
                        + "\n" + abbreviate(res.body()));
            }
            at = at.resolve(location(res));
        }
        Matcher m = CONSENT.matcher(res.body());
        if (!m.find()) {
            throw new IllegalStateException("no consent id on " + at + "\n" + abbreviate(res.body()));
        }
        // 2. consent
        res = post(at, "consent=" + enc(m.group(1)) + "&username=" + enc("b" + USERS.incrementAndGet())
                + "&action=authorize");
        requests++;
        if (res.statusCode() != 302) {
            throw new IllegalStateException("consent: " + res.statusCode() + "\n" + abbreviate(res.body()));
        }
        at = at.resolve(location(res));
        // 3. callback and back to the page
        for (int hop = 0; ; hop++) {
            res = get(at);
            requests++;
            if (res.statusCode() == 200) {
                break;
            }
            if (res.statusCode() / 100 != 3 || hop > 8) {
                throw new IllegalStateException("after consent: " + res.statusCode() + " at " + at + "\n"
                        + abbreviate(res.body()));
            }
            at = at.resolve(location(res));
        }
        if (!at.getPath().equals(page.getPath()) || !res.body().startsWith("hello")) {
            throw new IllegalStateException("ended at " + at + " with " + abbreviate(res.body()));
        }
        return requests;
    }

    String cookieHeader(URI uri) {
        return cookies.getCookieStore().get(uri).stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> res) {
        return res.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "redirect without Location, status " + res.statusCode()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private static void roundTrips(String label, URI page, int seconds, int concurrency, int warmupSeconds)
            throws Exception {
        if (warmupSeconds > 0) {
            run(page, warmupSeconds, concurrency);
        }
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] r = run(page, seconds, concurrency, latencies);
        double rate = r[0] / (r[2] / 1e9);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(java.util.Locale.ROOT,
                "RATE\t%s\t%.2f\t%d logins\t%d failures\t%d requests/login\t%.1f\t%.1f\tp50/p99 ms%n",
                label, rate, r[0], r[1], r[0] == 0 ? 0 : r[3] / r[0], percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6);
    }

    /** Nearest-rank percentile of sorted values (NaN when there are none). */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static long[] run(URI page, int seconds, int concurrency) throws Exception {
        return run(page, seconds, concurrency, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    /** {logins, failures, elapsed nanos, requests}; adds each successful login's nanos to {@code latencies}. */
    private static long[] run(URI page, int seconds, int concurrency, List<Long> latencies) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong requests = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                LoginClient browser = new LoginClient();
                while (System.nanoTime() < end) {
                    try {
                        long t0 = System.nanoTime();
                        requests.addAndGet(browser.login(page));
                        latencies.add(System.nanoTime() - t0);
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        if (firstFailure.get() != null) {
            System.err.println("first failure: " + firstFailure.get());
        }
        return new long[] {ok.get(), failed.get(), elapsed, requests.get()};
    }
}
