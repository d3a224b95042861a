package io.passerine.http;

import java.time.Duration;

/** Connect and read timeouts for every call to a provider: no provider call can hang a request thread. */
public record HttpTimeouts(Duration connect, Duration read) {

    public static final HttpTimeouts DEFAULT = new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public HttpTimeouts {
        if (connect.isZero() || connect.isNegative() || read.isZero() || read.isNegative()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
    }
}
