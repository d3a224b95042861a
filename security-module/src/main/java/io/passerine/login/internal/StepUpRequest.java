package io.passerine.login.internal;

import io.passerine.internal.config.LoginPolicy;
import io.passerine.login.internal.LoginFailure.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code /oauth2/login?scope=&return=} asks for (checklist row 28): every extra scope must be a scope token
 * (RFC 6749 §3.3) on the step-up allowlist, else the request is refused (400) before anything is sent to the provider,
 * so no site can drop a user into a consent prompt for {@code dm.write} under the app's name. The return path must
 * be a same-origin path inside the application ({@link ReturnPath}), else the application root.
 *
 * @param scopes the extra scopes, allowlisted, in the order asked
 * @param returnPath where the browser goes after the login
 */
record StepUpRequest(List<String> scopes, String returnPath) {

    public StepUpRequest {
        scopes = List.copyOf(scopes);
    }

    /**
     * @param params the parsed query (already bounded by {@link QueryGuard})
     * @param app the context path
     * @throws LoginFailure 400 when a scope is malformed or not allowlisted (the scope is not echoed)
     */
    public static StepUpRequest parse(Map<String, List<String>> params, LoginPolicy policy, String app) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String value : params.getOrDefault("scope", List.of())) {
            for (String s : value == null ? new String[0] : value.split("[\\s,]+")) {
                if (s.isEmpty()) {
                    continue;
                }
                if (!LoginPolicy.SCOPE_TOKEN.matcher(s).matches() || !policy.stepUpAllowed(s)) {
                    throw new LoginFailure(Kind.BAD_CALLBACK,
                            "A requested scope is not allowed for this application. Please start again.");
                }
                scopes.add(s);
            }
        }
        List<String> returns = params.getOrDefault("return", List.of());
        String back = returns.size() != 1 ? null : ReturnPath.sanitize(returns.get(0))
                .filter(p -> app.isEmpty() || p.equals(app) || p.startsWith(app + "/"))
                .orElse(null);
        return new StepUpRequest(List.copyOf(scopes), back == null ? app + "/" : back);
    }
}
