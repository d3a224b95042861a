package io.passerine.apponly.internal;

import io.passerine.ProviderException;
import io.passerine.internal.http.ProviderFailures;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a token cache stands after failed token requests: the last failure, how many in a row, and the instant (epoch
 * millis) before which no new request is made. The wait doubles from a minimum up to a maximum; X's 403 code 99
 * ("too often") waits the maximum at once.
 */
record FetchBackoff(ProviderException cause, long notBeforeMillis, int failures) {

    /** The backoff after {@code failure} at {@code nowMillis}, following {@code previous} (null after a success). */
    static FetchBackoff after(ProviderException failure, FetchBackoff previous, long nowMillis, Duration min,
            Duration max) {
        int failures = previous == null ? 1 : previous.failures + 1;
        return new FetchBackoff(failure, nowMillis + waitMillis(failures, failure, min, max), failures);
    }

    /** Whether a request at {@code nowMillis} must be refused. */
    boolean refuses(long nowMillis) {
        return nowMillis < notBeforeMillis;
    }

    /** What a refused caller gets: the last failure, and when to try again. */
    ProviderException refusal() {
        return ProviderFailures.backingOff(cause, Instant.ofEpochMilli(notBeforeMillis));
    }

    /** min·2^(n-1), capped at max. */
    private static long waitMillis(int failures, ProviderException e, Duration min, Duration max) {
        long cap = max.toMillis();
        if (e.httpStatus() == 403 && e.providerError().filter("99"::equals).isPresent()) {
            return cap;
        }
        long exp = min.toMillis() << Math.min(failures - 1, 30);
        return Math.min(cap, exp < 0 ? cap : exp);
    }
}
