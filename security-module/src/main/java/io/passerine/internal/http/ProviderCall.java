package io.passerine.internal.http;

import io.passerine.ProviderException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * Sends one Nimbus {@link HTTPRequest} to a provider within {@link HttpTimeouts} (connect and answer timeouts, a
 * total deadline, a body size cap; TLS verified by the JDK defaults; {@link BoundedSender}) and turns I/O failures
 * into {@link ProviderException}s that name the endpoint, never the payload.
 */
public final class ProviderCall {

    private ProviderCall() {
    }

    /**
     * @param what a short human name of the call, e.g. "token request to https://api.x.com/2/oauth2/token"
     * @throws ProviderException TIMEOUT (connect, answer or whole-call deadline), MALFORMED_RESPONSE (body over the
     *         cap), UNREACHABLE (refused, unknown host, dropped, TLS)
     */
    public static HTTPResponse send(HTTPRequest request, HttpTimeouts timeouts, String what) {
        try {
            return request.send(new BoundedSender(timeouts));
        } catch (BoundedSender.TooLargeException e) {
            throw ProviderFailures.tooLarge(what, e.status, e.getMessage());
        } catch (SocketTimeoutException | HttpTimeoutException e) { // before InterruptedIOException, its parent
            throw ProviderFailures.timedOut(what, timeouts);
        } catch (ConnectException | UnknownHostException e) {
            throw ProviderFailures.unreachable(what, "provider unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw ProviderFailures.interrupted(what);
        } catch (IOException e) {
            throw ProviderFailures.unreachable(what,
                    e.getClass().getSimpleName() + " (connection dropped or TLS failure)");
        }
    }
}
