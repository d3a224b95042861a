package io.passerine.internal.http;

import java.time.Duration;

/**
 * Bounds on every call to a provider, so that no provider can hold a request thread or heap: a connect timeout, a
 * read timeout (waiting for the answer to start), a total deadline for the whole call (connect, headers and body:
 * a server trickling one byte per second is cut off at it) and a cap on the response body.
 *
 * @param total the deadline of the whole call; default connect + read
 * @param maxResponseBytes the most body bytes read; a longer answer fails as MALFORMED_RESPONSE
 */
public record HttpTimeouts(Duration connect, Duration read, Duration total, int maxResponseBytes) {

    /** The configuration key of the size cap (one value for every provider call of the application). */
    public static final String MAX_RESPONSE_BYTES_KEY = "passerine.http.max-response-bytes";

    /** Token responses, userinfo and revocation answers are a few hundred bytes; X's largest error pages ≈ 5 KiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

    public static final HttpTimeouts DEFAULT = new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public HttpTimeouts {
        if (connect.isZero() || connect.isNegative() || read.isZero() || read.isNegative() || total.isZero()
                || total.isNegative()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("The response size cap must be positive");
        }
    }

    /** The margin of {@link #lease()} over the call's deadline: sealing, cache writes, a GC pause. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    /**
     * How long a cluster single-flight lock (JCache) guarding one call within these bounds may be held: the whole
     * call's deadline plus 5 s. Never shorter than the call, or another node would take
     * the lock while the call still runs and spend a rotating refresh token a second time.
     */
    public Duration lease() {
        return total.plus(LEASE_MARGIN);
    }

    /** Connect and read timeouts; deadline connect + read, the default size cap. */
    public HttpTimeouts(Duration connect, Duration read) {
        this(connect, read, connect.plus(read), DEFAULT_MAX_RESPONSE_BYTES);
    }
}
