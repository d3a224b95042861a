package io.passerine.sample.xsdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.AuthorizationUrlBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.oauth2.OAuth2Error;
import com.github.scribejava.core.oauth2.clientauthentication.ClientAuthentication;
import com.github.scribejava.core.oauth2.clientauthentication.HttpBasicAuthenticationScheme;
import com.github.scribejava.core.oauth2.clientauthentication.RequestBodyAuthenticationScheme;
import com.github.scribejava.core.revoke.TokenTypeHint;
import io.passerine.sample.SampleDeployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The emulator's OAuth 2.0 endpoints against an independent client, scribejava 8.3.1: code exchange with PKCE
 * (RFC 7636), refresh with X's rotation (RFC 6749 §6), revocation (RFC 7009), for the confidential client (Basic,
 * RFC 6749 §2.3.1) and the public one (client_id in the body). Every answer must parse into scribejava's types; the
 * emulator's call counts show each call reached it. (The deployment only keeps the server, and so the emulator, up.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScribeOAuthContractIT {

    private static final String SCOPE = "tweet.read users.read offline.access";

    @Deployment(testable = false)
    static WebArchive anchor() {
        return SampleDeployments.builtSample();
    }

    private final XEmulator x = new XEmulator();

    @BeforeEach
    void reset() {
        x.control.reset();
    }

    @Test
    void confidentialClientExchangesRefreshesAndRevokes() throws Exception {
        fullCycle(new ServiceBuilder("sample-client").apiSecret("sample-secret"),
                HttpBasicAuthenticationScheme.instance());
    }

    @Test
    void publicClientExchangesRefreshesAndRevokes() throws Exception {
        fullCycle(new ServiceBuilder("public-client"), RequestBodyAuthenticationScheme.instance());
    }

    @Test
    void wrongVerifierIsXsInvalidRequest() throws Exception {
        OAuth20Service s = service(new ServiceBuilder("sample-client").apiSecret("sample-secret"),
                HttpBasicAuthenticationScheme.instance());
        AuthorizationUrlBuilder url = s.createAuthorizationUrlBuilder().state("st").initPKCE();
        String code = x.code(url.build(), "scribe_user");
        OAuth2AccessTokenErrorResponse e = assertThrows(OAuth2AccessTokenErrorResponse.class, () -> s.getAccessToken(
                AccessTokenRequestParams.create(code).pkceCodeVerifier(url.getPkce().getCodeVerifier() + "x")));
        assertEquals(OAuth2Error.INVALID_REQUEST, e.getError());
        assertEquals("Value passed for the code verifier did not match the code challenge.", e.getErrorDescription());
        assertEquals(400, e.getResponse().getCode());
        assertEquals(1, x.control.calls("/2/oauth2/token"));
    }

    private void fullCycle(ServiceBuilder builder, ClientAuthentication auth) throws Exception {
        OAuth20Service s = service(builder, auth);
        AuthorizationUrlBuilder url = s.createAuthorizationUrlBuilder().state("st").initPKCE();
        String code = x.code(url.build(), "scribe_user");

        OAuth2AccessToken first = s.getAccessToken(
                AccessTokenRequestParams.create(code).pkceCodeVerifier(url.getPkce().getCodeVerifier()));
        assertIssued(first);

        OAuth2AccessToken second = s.refreshAccessToken(first.getRefreshToken());
        assertIssued(second);
        assertNotEquals(first.getAccessToken(), second.getAccessToken());
        assertNotEquals(first.getRefreshToken(), second.getRefreshToken());
        OAuth2AccessTokenErrorResponse reused = assertThrows(OAuth2AccessTokenErrorResponse.class,
                () -> s.refreshAccessToken(first.getRefreshToken()));
        assertEquals(OAuth2Error.INVALID_REQUEST, reused.getError());
        assertEquals("Value passed for the token was invalid.", reused.getErrorDescription());

        s.revokeToken(second.getRefreshToken(), TokenTypeHint.REFRESH_TOKEN); // revokes the grant (RFC 7009 §2.1)
        assertThrows(OAuth2AccessTokenErrorResponse.class, () -> s.refreshAccessToken(second.getRefreshToken()));
        assertEquals(4, x.control.calls("/2/oauth2/token"));
        assertEquals(1, x.control.calls("/2/oauth2/revoke"));
    }

    private static void assertIssued(OAuth2AccessToken t) {
        assertNotNull(t.getAccessToken());
        assertNotNull(t.getRefreshToken());
        assertEquals("bearer", t.getTokenType());
        assertEquals(7200, t.getExpiresIn());
        assertEquals(SCOPE, t.getScope());
    }

    private OAuth20Service service(ServiceBuilder builder, ClientAuthentication auth) {
        return builder.callback(XEmulator.CALLBACK).defaultScope(SCOPE).build(new XApi(auth));
    }

    /** X's OAuth 2.0 endpoints, at the emulator. */
    private static final class XApi extends DefaultApi20 {
        private final ClientAuthentication auth;

        XApi(ClientAuthentication auth) {
            this.auth = auth;
        }

        @Override
        public String getAccessTokenEndpoint() {
            return XEmulator.BASE + "/2/oauth2/token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return XEmulator.BASE + "/i/oauth2/authorize";
        }

        @Override
        public String getRevokeTokenEndpoint() {
            return XEmulator.BASE + "/2/oauth2/revoke";
        }

        @Override
        public ClientAuthentication getClientAuthentication() {
            return auth;
        }
    }
}
