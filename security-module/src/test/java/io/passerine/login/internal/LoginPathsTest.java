package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LoginPaths#is} answers exactly what {@code uri.equals(contextPath + path)} would, without building it. */
class LoginPathsTest {

    @ParameterizedTest
    @CsvSource(value = {
        "/app/oauth2/login, /app, true",
        "/oauth2/login, '', true",
        "/app/oauth2/login/, /app, false",
        "/app/oauth2/logi, /app, false",
        "/apx/oauth2/login, /app, false",
        "/app/oauth2/logout, /app, false",
        "/other/app/oauth2/login, /app, false",
        "/app, /app, false",
        "'', '', false"
    }, emptyValue = "")
    void matchesExactlyTheConcatenation(String uri, String contextPath, boolean expected) {
        assertEquals(expected, LoginPaths.is(uri, contextPath, LoginPaths.LOGIN));
        assertEquals(uri.equals(contextPath + LoginPaths.LOGIN), LoginPaths.is(uri, contextPath, LoginPaths.LOGIN));
    }
}
