package io.passerine.internal.metrics;

import io.passerine.ProviderException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What Passerine counts and times, in plain Java: the protocol classes call it, {@link OpenTelemetryMetrics} records
 * it where the server offers OpenTelemetry, {@link #NONE} everywhere else. The names are documented in the README
 * (Operations → Metrics). Attribute values are bounded sets (client names, grant types, failure kinds): never a
 * user, token, code or URL.
 */
public interface Metrics {

    /** Records nothing: the module without OpenTelemetry. */
    Metrics NONE = new Metrics() {
    };

    /** Grant types of token requests (the {@code passerine.grant} attribute). */
    String CLIENT_CREDENTIALS = "client_credentials";
    String REFRESH_TOKEN = "refresh_token";

    /** Refresh outcomes (the {@code passerine.outcome} attribute of {@code passerine.refreshes}). */
    String REFRESHED = "refreshed";
    String LOGIN_REQUIRED = "login_required";
    String FAILED = "failed";

    /**
     * One call to a token endpoint, ended: {@code failure} is null on success, else a short kind
     * ({@code rejected}, {@code timeout}, {@code unreachable}, {@code malformed_response}, {@code unexpected}).
     */
    default void tokenRequest(String client, String grant, long nanos, String failure) {
    }

    /** One refresh of a user's access token with its outcome ({@link #REFRESHED}, ...). */
    default void refresh(String client, String outcome) {
    }

    /** One completed login. */
    default void login(String client) {
    }

    /** One login that ended on an error page, by reason ({@code bad_callback}, {@code cancelled}, ...). */
    default void loginFailure(String client, String reason) {
    }

    /** Runs one token-endpoint call and records it: count, latency, failure kind. */
    default <T> T timeTokenRequest(String client, String grant, Supplier<T> call) {
        long start = System.nanoTime();
        String failure = "unexpected";
        try {
            T result = call.get();
            failure = null;
            return result;
        } catch (ProviderException e) {
            failure = kind(e);
            throw e;
        } finally {
            tokenRequest(client, grant, System.nanoTime() - start, failure);
        }
    }

    /** The failure attribute value of a provider call that failed. */
    private static String kind(ProviderException e) {
        return e.failure().name().toLowerCase(Locale.ROOT);
    }
}
