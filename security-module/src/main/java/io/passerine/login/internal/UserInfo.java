package io.passerine.login.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * Who logged in: the caller principal name (from the configured JSON pointer) and X's {@code id}, {@code username}
 * and {@code name} when present ({@code /data/...}; else OpenID-style {@code sub}, {@code preferred_username}, name).
 */
record UserInfo(String principal, String id, String username, String name) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
