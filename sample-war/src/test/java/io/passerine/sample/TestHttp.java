package io.passerine.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The tests' HTTP client: HTTP/1.1 (the JDK client's h2c upgrade stalls on Liberty), no automatic redirects (tests
 * follow and inspect each hop), and timeouts so that no test can hang.
 */
public final class TestHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TestHttp() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }
}
