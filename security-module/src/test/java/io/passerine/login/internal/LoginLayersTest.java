package io.passerine.login.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the login sequence is plain Java, and the login's settings are read from MicroProfile Config once, by
 * {@link LoginExtension} at deployment (the beans used to read them again: {@code LoginBeans} called
 * {@code ConfigProvider}, which this test refuses). The servlet initializers that run before CDI are the exception.
 */
class LoginLayersTest {

    private static final JavaClasses LOGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.passerine.login", "io.passerine.internal.health");

    @Test
    void onlyTheExtensionReadsMicroProfileConfig() {
        noClasses().that().doNotHaveFullyQualifiedName(LoginExtension.class.getName())
                .and().resideInAnyPackage("io.passerine.login..")
                // servlet initializers run before CDI, when no validated settings exist yet: they only look whether
                // passerine.login.redirect-uri is set, all through LoginConfigured (SessionCookieHardening,
                // SavedFormFilter.Setup, GrantSessionEnd)
                .and().doNotHaveFullyQualifiedName(LoginConfigured.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.config..")
                .because("the validated settings are handed on from the extension, never read again")
                .check(LOGIN);
        noClasses().that().haveSimpleName("LoginReadiness")
                .should().dependOnClassesThat().haveSimpleName("LoginBeans")
                .because("the readiness check takes the login settings from the extension")
                .check(LOGIN);
    }

    @Test
    void theSequenceIsPlainJava() {
        noClasses().that().belongToAnyOf(LoginFlow.class, LoginAssembly.class, CompletedLogin.class,
                PreviousLogin.class, AppGroups.class, CallbackValidator.class, CodeExchange.class, StepUpRequest.class,
                LoginTransaction.class, LoginFailure.class)
                .should().dependOnClassesThat().resideInAPackage("jakarta..")
                .because("the protocol layer is unit-tested without a container")
                .check(LOGIN);
    }
}
