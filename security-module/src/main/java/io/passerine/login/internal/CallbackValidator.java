package io.passerine.login.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import io.passerine.internal.http.ProviderErrors;
import io.passerine.login.internal.LoginFailure.Kind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an authorization response at the redirect URI (RFC 6749 §4.1.2) before any network call: the {@code state}
 * must be present once and match a pending transaction of this browser, which is taken (deleted) first, so a
 * replayed callback finds nothing (RFC 9700 §4.7); no parameter may repeat (RFC 6749 §3.1); with a configured issuer
 * {@code iss} (RFC 9207 §2.4) must be present and equal it; {@code error=access_denied} is a cancelled login.
 */
final class CallbackValidator {

    /** Printable ASCII (VSCHAR), no space at either end. */
    private static final Pattern CODE = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]*[\\x21-\\x7E])?");

    private final URI redirectUri;
    private final Optional<String> issuer;

    CallbackValidator(URI redirectUri, Optional<String> issuer) {
        this.redirectUri = redirectUri;
        this.issuer = issuer;
    }

    /** An accepted callback: the transaction it belongs to and the code to exchange. */
    record Accepted(LoginTransaction transaction, AuthorizationCode code) {
        @Override
        public String toString() {
            return "Accepted[" + transaction + "]";
        }
    }

    /**
     * @param params the query parameters, every value as received
     * @throws LoginFailure when the callback is rejected; the transaction, if any, is gone either way
     */
    public Accepted validate(Map<String, List<String>> params, TransactionStore store) {
        List<String> states = params.getOrDefault("state", List.of());
        if (states.isEmpty() || states.get(0) == null || states.get(0).isEmpty()) {
            throw new LoginFailure(Kind.BAD_CALLBACK, "The login response has no state. Please start again.");
        }
        if (states.size() > 1) {
            throw new LoginFailure(Kind.BAD_CALLBACK, "The login response repeats the state. Please start again.");
        }
        LoginTransaction tx = store.take(states.get(0)).orElseThrow(() -> new LoginFailure(Kind.BAD_CALLBACK,
                "This login response is unknown, expired or was already used. Please start again."));
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new LoginFailure(Kind.BAD_CALLBACK, "The login response repeats a parameter. Please start again.");
            }
        }
        checkIssuer(params);
        if (!params.containsKey("error")) {
            checkCode(params.get("code"));
        }
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(redirectUri, params);
        } catch (ParseException | IllegalArgumentException e) {
            throw new LoginFailure(Kind.BAD_CALLBACK, "The login response is malformed. Please start again.");
        }
        if (!response.indicatesSuccess()) {
            throw failure(response.toErrorResponse());
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new LoginFailure(Kind.BAD_CALLBACK, "The login response has no authorization code.");
        }
        return new Accepted(tx, code);
    }

    /**
     * RFC 6749 Appendix A.11: a code is 1*VSCHAR. Refused besides: leading or trailing spaces (Nimbus would trim
     * them, and the provider must receive exactly the code the callback carried).
     */
    private static void checkCode(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new LoginFailure(Kind.BAD_CALLBACK, "The login response has no authorization code.");
        }
        String code = codes.get(0);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new LoginFailure(Kind.BAD_CALLBACK, "The login response's authorization code is malformed.");
        }
    }

    /**
     * RFC 9207 §2.4: with a configured issuer the provider supports {@code iss}, so a response without it is refused
     * (it may come from another server: mix-up); one with another value too. Without a configured issuer (X sends
     * no {@code iss}) the parameter is not checked.
     */
    private void checkIssuer(Map<String, List<String>> params) {
        if (issuer.isEmpty()) {
            return;
        }
        List<String> iss = params.get("iss");
        if (iss == null || iss.isEmpty() || iss.get(0) == null || iss.get(0).isEmpty()) {
            throw new LoginFailure(Kind.BAD_CALLBACK,
                    "The login response does not name its issuer (RFC 9207). Please start again.");
        }
        if (!issuer.get().equals(iss.get(0))) {
            throw new LoginFailure(Kind.BAD_CALLBACK,
                    "The login response comes from an unexpected issuer (RFC 9207). Please start again.");
        }
    }

    private static LoginFailure failure(AuthorizationErrorResponse error) {
        ErrorObject eo = error.getErrorObject();
        String code = eo == null || eo.getCode() == null ? "unknown" : ProviderErrors.clean(eo.getCode());
        String text = eo == null || eo.getDescription() == null ? "" : ": " + ProviderErrors.clean(eo.getDescription());
        if ("access_denied".equals(code)) {
            return new LoginFailure(Kind.CANCELLED, "Login was cancelled at the provider" + text + ".");
        }
        return new LoginFailure(Kind.BAD_CALLBACK, "The provider reported an error (" + code + ")" + text + ".");
    }
}
