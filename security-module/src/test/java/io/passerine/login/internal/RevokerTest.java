package io.passerine.login.internal;

import io.passerine.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.login.internal.FakeProvider.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checklist §Login row 16 (protocol half): RFC 7009 revocation; a failure is logged without tokens. */
class RevokerTest {

    static final String REVOKE = "/2/oauth2/revoke";

    private FakeProvider provider;

    @AfterEach
    void stop() {
        provider.close();
    }

    private Revoker revoker(Map<String, String> extra) {
        return new Revoker(new TokenEndpoint(provider.settings(extra), MutableClock.startingAt("2026-01-01T00:00:00Z")));
    }

    private static GrantedTokens tokens() {
        return new GrantedTokens("AT-secret-1", Instant.EPOCH, "RT-secret-1", Set.of("tweet.read"));
    }

    @Test
    void revokesRefreshThenAccessTokenWithHints() throws Exception {
        provider = new FakeProvider().on(REVOKE, c -> Reply.json(200, "{\"revoked\":true}"));
        assertTrue(revoker(Map.of()).revoke(tokens()));
        assertEquals(2, provider.count(REVOKE));
        Map<String, List<String>> first = FakeProvider.form(provider.calls.get(0));
        assertEquals(List.of("RT-secret-1"), first.get("token"));
        assertEquals(List.of("refresh_token"), first.get("token_type_hint"));
        assertEquals(List.of("access_token"), FakeProvider.form(provider.calls.get(1)).get("token_type_hint"));
        assertTrue(provider.calls.get(0).authorization().startsWith("Basic "));
    }

    @Test
    void failureReturnsFalseAndLogsNoToken() throws Exception {
        provider = new FakeProvider().on(REVOKE, c -> Reply.json(503, "{\"error\":\"temporarily_unavailable\"}"));
        StringBuilder log = new StringBuilder();
        Logger root = Logger.getLogger("");
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.append(r.getMessage()).append(' ').append(List.of(r.getParameters() == null
                        ? new Object[0] : r.getParameters())).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        h.setLevel(Level.ALL);
        root.addHandler(h);
        try {
            assertFalse(revoker(Map.of()).revoke(tokens()));
        } finally {
            root.removeHandler(h);
        }
        assertTrue(log.toString().contains("Could not revoke"), log.toString());
        for (String secret : List.of("AT-secret-1", "RT-secret-1", "s3cr3t-value")) {
            assertFalse(log.toString().contains(secret), log.toString());
        }
    }

    @Test
    void unreachableRevokeEndpointStillReturns() throws Exception {
        provider = new FakeProvider();
        assertFalse(revoker(Map.of("passerine.login.revoke-uri", "http://127.0.0.1:1/revoke")).revoke(tokens()));
    }

    @Test
    void anotherUsersSupersededTokensAreRevokedWhole() throws Exception {
        provider = new FakeProvider().on(REVOKE, c -> Reply.json(200, "{}"));
        GrantedTokens next = new GrantedTokens("AT-2", Instant.EPOCH, "RT-2", Set.of("tweet.read"));
        assertTrue(revoker(Map.of()).supersede(tokens(), next, false));
        assertEquals(2, provider.count(REVOKE));
    }

    @Test
    void stepUpRevokesOnlyTheOldRefreshTokenUnlessItCameBack() throws Exception {
        provider = new FakeProvider().on(REVOKE, c -> Reply.json(200, "{}"));
        Revoker revoker = revoker(Map.of());
        revoker.supersede(tokens(), new GrantedTokens("AT-2", Instant.EPOCH, "RT-2", Set.of()), true);
        assertEquals(1, provider.count(REVOKE));
        assertEquals(List.of("RT-secret-1"), FakeProvider.form(provider.calls.get(0)).get("token"));
        revoker.supersede(tokens(), new GrantedTokens("AT-3", Instant.EPOCH, "RT-secret-1", Set.of()), true);
        revoker.supersede(new GrantedTokens("AT-4", Instant.EPOCH, null, Set.of()), tokens(), true);
        revoker.supersede(null, tokens(), false);
        assertEquals(1, provider.count(REVOKE), "same refresh token back, none before, or nothing superseded");
    }
}
