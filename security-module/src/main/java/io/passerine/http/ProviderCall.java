package io.passerine.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * Sends one Nimbus {@link HTTPRequest} to a provider with the configured timeouts (TLS verified by the JDK defaults)
 * and turns I/O failures into {@link ProviderException}s that name the endpoint, never the payload.
 */
public final class ProviderCall {

    private ProviderCall() {
    }

    /**
     * @param what a short human name of the call, e.g. "token request to https://api.x.com/2/oauth2/token"
     */
    public static HTTPResponse send(HTTPRequest request, HttpTimeouts timeouts, String what) {
        request.setConnectTimeout(Math.toIntExact(timeouts.connect().toMillis()));
        request.setReadTimeout(Math.toIntExact(timeouts.read().toMillis()));
        request.setFollowRedirects(false); // a redirected POST would lose its body, and credentials must not travel
        try {
            return request.send();
        } catch (SocketTimeoutException | HttpTimeoutException e) {
            throw new ProviderException(ProviderException.Failure.TIMEOUT,
                    what + " timed out (connect timeout " + timeouts.connect().toMillis() + " ms, read timeout "
                            + timeouts.read().toMillis() + " ms)", 0, null, null, null);
        } catch (ConnectException | UnknownHostException e) {
            throw new ProviderException(ProviderException.Failure.UNREACHABLE,
                    what + " failed: provider unreachable (" + e.getClass().getSimpleName() + ")", 0, null, null, null);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Failure.TIMEOUT, what + " was interrupted");
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Failure.UNREACHABLE,
                    what + " failed: " + e.getClass().getSimpleName() + " (connection dropped or TLS failure)", 0,
                    null, null, null);
        }
    }
}
