package io.passerine.apponly;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects a named {@link AppOnlyTokenClient}, configured under {@code passerine.app-only.<name>.*}:
 * {@code @Inject @AppOnly("reports") AppOnlyTokenClient reports;}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface AppOnly {

    /** {@return the client's name: letters, digits, '-' and '_'} */
    @Nonbinding
    String value();

    /** For programmatic lookup: {@code CDI.current().select(AppOnlyTokenClient.class, AppOnly.Literal.of("x"))}. */
    final class Literal extends AnnotationLiteral<AppOnly> implements AppOnly {

        private static final long serialVersionUID = 1L;

        /** The client's name. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * @param value the client's name
         * @return the qualifier {@code @AppOnly(value)}
         */
        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
