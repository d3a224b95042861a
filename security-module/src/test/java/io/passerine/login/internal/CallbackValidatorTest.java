package io.passerine.login.internal;

import io.passerine.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.passerine.login.internal.LoginFailure.Kind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checklist §Login rows 4–8: callbacks without transaction, wrong/missing state, replay, cancel, iss. */
class CallbackValidatorTest {

    private static final URI REDIRECT = URI.create("https://app.example/ctx/oauth2/callback");

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private final PendingLogins pending = new PendingLogins();
    private final TransactionStore store = pending.store(clock);
    private final CallbackValidator validator = new CallbackValidator(REDIRECT, Optional.of("https://x.com"));

    private LoginTransaction begin() {
        LoginTransaction tx = LoginTransaction.start("/ctx/me", List.of("tweet.read"), clock.instant());
        store.save(tx);
        return tx;
    }

    private static Map<String, List<String>> q(String query) {
        return URLUtils.parseParameters(query);
    }

    private LoginFailure rejected(String query) {
        return assertThrows(LoginFailure.class, () -> validator.validate(q(query), store));
    }

    @Test
    void acceptsTheMatchingStateOnce() {
        LoginTransaction tx = begin();
        CallbackValidator.Accepted a = validator.validate(q("code=abc&iss=https%3A%2F%2Fx.com&state=" + tx.state()),
                store);
        assertEquals("abc", a.code().getValue());
        assertEquals("/ctx/me", a.transaction().returnPath());
        assertEquals(Kind.BAD_CALLBACK, rejected("code=abc&iss=https%3A%2F%2Fx.com&state=" + tx.state()).kind(),
                "replay");
    }

    @Test
    void noTransactionWrongOrMissingStateAreRejected() {
        assertEquals(400, rejected("code=abc&state=nothing-pending").kind().status());
        LoginTransaction tx = begin();
        assertEquals(Kind.BAD_CALLBACK, rejected("code=abc&state=" + tx.state() + "x").kind());
        assertEquals(Kind.BAD_CALLBACK, rejected("code=abc").kind());
        assertEquals(Kind.BAD_CALLBACK, rejected("code=abc&state=").kind());
        assertEquals(1, pending.size(), "a wrong state does not consume the real transaction");
    }

    @Test
    void expiredTransactionIsRejected() {
        LoginTransaction tx = begin();
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Kind.BAD_CALLBACK, rejected("code=abc&state=" + tx.state()).kind());
    }

    @Test
    void duplicateParametersAreRejectedAndConsumeTheTransaction() {
        LoginTransaction tx = begin();
        assertEquals(Kind.BAD_CALLBACK, rejected("code=a&code=b&state=" + tx.state()).kind());
        assertEquals(0, pending.size());
        LoginTransaction tx2 = begin();
        assertEquals(Kind.BAD_CALLBACK, rejected("code=a&state=" + tx2.state() + "&state=" + tx2.state()).kind());
    }

    @Test
    void accessDeniedIsACancelWithCleanedProviderText() {
        LoginTransaction tx = begin();
        LoginFailure f = rejected("error=access_denied&error_description=%3Cscript%3Ex%3C%2Fscript%3E%0Anext"
                + "&iss=https%3A%2F%2Fx.com&state=" + tx.state());
        assertEquals(Kind.CANCELLED, f.kind());
        assertTrue(f.getMessage().startsWith("Login was cancelled"));
        assertFalse(f.getMessage().contains("\n"));
        String page = ErrorPages.html(f.kind().status(), f.kind().title(), f.getMessage(), "/ctx/");
        assertFalse(page.contains("<script>"));
        assertTrue(page.contains("&lt;script&gt;"));
        assertEquals(0, pending.size(), "transaction cleared");
    }

    @Test
    void otherProviderErrorIsABadCallback() {
        LoginTransaction tx = begin();
        LoginFailure f = rejected("error=server_error&iss=https%3A%2F%2Fx.com&state=" + tx.state());
        assertEquals(Kind.BAD_CALLBACK, f.kind());
        assertTrue(f.getMessage().contains("server_error"));
    }

    @Test
    void issuerMismatchIsRejectedAndMatchAccepted() {
        LoginTransaction tx = begin();
        assertEquals(Kind.BAD_CALLBACK, rejected("code=a&iss=https%3A%2F%2Fevil.example&state=" + tx.state()).kind());
        LoginTransaction tx2 = begin();
        assertEquals("a", validator.validate(q("code=a&iss=https%3A%2F%2Fx.com&state=" + tx2.state()), store)
                .code().getValue());
    }

    @Test
    void aConfiguredIssuerMakesIssMandatory() {
        LoginTransaction tx = begin();
        LoginFailure f = rejected("code=a&state=" + tx.state());
        assertEquals(Kind.BAD_CALLBACK, f.kind());
        assertTrue(f.getMessage().contains("RFC 9207"), f.getMessage());
        assertEquals(0, pending.size(), "the transaction is gone: a retry with iss added is refused too");
        LoginTransaction tx2 = begin();
        assertEquals(Kind.BAD_CALLBACK, rejected("code=a&iss=&state=" + tx2.state()).kind());
        LoginTransaction tx3 = begin();
        assertEquals("a", new CallbackValidator(REDIRECT, Optional.empty())
                .validate(q("code=a&state=" + tx3.state()), store).code().getValue(), "no issuer configured: X");
    }

    @Test
    void anEmptyOrMalformedCodeIsABadCallbackNeverSentOn() {
        for (String code : List.of("", "%20", "%00abc", "a%0A", "%20a", "a%20", "%E2%80%AEa", "caf%C3%A9")) {
            LoginTransaction tx = begin();
            LoginFailure f = rejected("code=" + code + "&iss=https%3A%2F%2Fx.com&state=" + tx.state());
            assertEquals(Kind.BAD_CALLBACK, f.kind(), code);
        }
        LoginTransaction tx = begin();
        assertEquals(Kind.BAD_CALLBACK, rejected("code&iss=https%3A%2F%2Fx.com&state=" + tx.state()).kind());
    }

    @Test
    void pendingLoginsAreCappedOldestFirst() {
        LoginTransaction first = begin();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            begin();
        }
        assertEquals(5, pending.size());
        assertTrue(store.take(first.state()).isEmpty());
    }
}
