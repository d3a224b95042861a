package io.passerine.internal.config;

import java.util.Objects;

/** A credential from configuration (client secret, API secret). Never printed: {@link #toString()} is redacted. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A secret must not be blank");
        }
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself, for the one place that sends it to the provider. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
