package io.passerine.apponly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.passerine.api.BearerToken;
import io.passerine.internal.config.AppOnlySettings;
import io.passerine.internal.config.ConfigReader;
import io.passerine.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Interop with an OAuth 2.0 server nobody here wrote: NAV's mock-oauth2-server, client credentials grant. */
class MockOAuth2ServerInteropTest {

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final MutableClock clock = new MutableClock(java.time.Instant.now());

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void fetchesCachesAndRenewsAStandardClientCredentialsToken() throws Exception {
        DefaultAppOnlyTokenClient client = new DefaultAppOnlyTokenClient(AppOnlySettings.read(ConfigReader.of(Map.of(
                "passerine.app-only.api-key", "reporting-app",
                "passerine.app-only.api-secret", "reporting-secret",
                "passerine.app-only.token-uri", server.tokenEndpointUrl("x").toString(),
                "passerine.app-only.revoke-style", "rfc7009",
                "passerine.app-only.revoke-uri", server.baseUrl() + "x/revoke")), ""), clock);

        BearerToken first = client.token();
        assertEquals(first, client.token());
        List<RecordedRequest> received = drain();
        assertEquals(1, received.size(), "one token request for two calls");
        assertTrue(received.get(0).getBody().readUtf8().contains("grant_type=client_credentials"));
        assertTrue(received.get(0).getHeader("Authorization").startsWith("Basic "));
        SignedJWT jwt = SignedJWT.parse(first.value());
        assertEquals("reporting-app", jwt.getJWTClaimsSet().getSubject());
        assertTrue(first.expiresAt().isPresent(), "the mock server sends expires_in");

        clock.advance(Duration.between(clock.instant(), first.expiresAt().get()));
        BearerToken renewed = client.token();
        assertNotEquals(first, renewed);
        assertEquals(1, drain().size(), "one more request at expiry");
    }

    /** Every request the server received since the last call. */
    private List<RecordedRequest> drain() {
        List<RecordedRequest> all = new ArrayList<>();
        while (true) {
            try {
                all.add(server.takeRequest(200, TimeUnit.MILLISECONDS));
            } catch (RuntimeException noMore) { // the mock server's way of saying the queue is empty
                return all;
            }
        }
    }
}
