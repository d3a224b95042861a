package io.passerine.internal.http;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.passerine.ProviderException;
import io.passerine.ProviderException.Failure;
import java.time.Instant;

/**
 * The one way to build a {@link ProviderException} for a provider call: every message starts with the call's name
 * ({@code "token request (refresh) to https://…"}) and says what happened; provider text in it is cleaned by
 * {@link ProviderErrors}. No factory takes a request or a token, so no message can hold a secret.
 */
public final class ProviderFailures {

    private ProviderFailures() {
    }

    /** The provider answered with a status that is no success (3xx, 4xx, 5xx): REJECTED, with its error code. */
    public static ProviderException rejected(String what, HTTPResponse response) {
        return new ProviderException(Failure.REJECTED, what + " was refused: " + ProviderErrors.describe(response),
                response.getStatusCode(), ProviderErrors.code(response), null, null);
    }

    /** The provider answered a success status with nothing usable: MALFORMED_RESPONSE. */
    public static ProviderException malformed(String what, int status, String detail) {
        return new ProviderException(Failure.MALFORMED_RESPONSE, what + " answered HTTP " + status + " " + detail,
                status, null, null, null);
    }

    /** The answer was larger than {@link HttpTimeouts#maxResponseBytes()}: MALFORMED_RESPONSE. */
    static ProviderException tooLarge(String what, int status, String detail) {
        return new ProviderException(Failure.MALFORMED_RESPONSE, what + " failed: " + detail + " (HTTP " + status
                + "; cap " + HttpTimeouts.MAX_RESPONSE_BYTES_KEY + ")", status, null, null, null);
    }

    /** Connect, read or whole-call deadline ran out: TIMEOUT, naming the limits. */
    static ProviderException timedOut(String what, HttpTimeouts timeouts) {
        return new ProviderException(Failure.TIMEOUT, what + " timed out (connect timeout "
                + timeouts.connect().toMillis() + " ms, read timeout " + timeouts.read().toMillis()
                + " ms, whole call " + timeouts.total().toMillis() + " ms)", 0, null, null, null);
    }

    /** The calling thread was interrupted: TIMEOUT. */
    static ProviderException interrupted(String what) {
        return new ProviderException(Failure.TIMEOUT, what + " was interrupted");
    }

    /** No answer: refused, unknown host, dropped connection, TLS failure ({@code reason} names the kind). */
    static ProviderException unreachable(String what, String reason) {
        return new ProviderException(Failure.UNREACHABLE, what + " failed: " + reason, 0, null, null, null);
    }

    /** No call made: {@code cause} is still inside its backoff window until {@code next}. */
    public static ProviderException backingOff(ProviderException cause, Instant next) {
        return new ProviderException(Failure.BACKING_OFF, cause.getMessage() + "; no new token request before " + next,
                cause.httpStatus(), cause.providerError().orElse(null), next, null);
    }
}
