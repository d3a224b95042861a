package io.passerine.sample.xsdk;

import com.twitter.clientlib.ApiException;
import com.twitter.clientlib.TwitterCredentialsBearer;
import com.twitter.clientlib.TwitterCredentialsOAuth2;
import com.twitter.clientlib.api.TwitterApi;
import com.twitter.clientlib.model.Problem;

/**
 * X's official Java SDK ({@code com.twitter:twitter-api-java-sdk}) pointed at a base URL other than X's. Never
 * gives the SDK a client secret: without one it has no token service and so never calls a token endpoint itself.
 */
public final class XSdk {

    private XSdk() {
    }

    /** The SDK with an app-only bearer token: it sends it on the endpoints that accept app-only auth. */
    public static TwitterApi appOnly(String base, String bearerToken) {
        return at(base, new TwitterApi(new TwitterCredentialsBearer(bearerToken)));
    }

    /** The SDK with an OAuth 2.0 user access token: it sends it on every endpoint. */
    public static TwitterApi user(String base, String accessToken) {
        return at(base, new TwitterApi(new TwitterCredentialsOAuth2("sample-client", null, accessToken, null)));
    }

    /** The problem X's SDK parsed from an error answer (null when it parsed none). */
    public static Problem problem(ApiException e) {
        return e.getErrorObject() == null ? null : (Problem) e.getErrorObject().getActualInstance();
    }

    private static TwitterApi at(String base, TwitterApi api) {
        if (!base.startsWith("http://localhost:") && !base.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("X's SDK is only pointed at a local emulator here, not " + base);
        }
        api.getApiClient().setBasePath(base); // after the constructor, which sets X's own host
        return api;
    }
}
