package io.passerine.sample;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The sample is what users copy: it must compile against the public API only (issue 16). A unit test (surefire), no
 * server.
 */
class SampleUsesPublicApiTest {

    private static final JavaClasses SAMPLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.passerine.sample");

    @Test
    void sampleUsesOnlyThePublicPackages() {
        classes().should().onlyDependOnClassesThat(resideOutsideOfPackage("io.passerine..").or(resideInAnyPackage(
                        "io.passerine", "io.passerine.api", "io.passerine.apponly", "io.passerine.login",
                        "io.passerine.sample..")))
                .check(SAMPLE);
    }

    @Test
    void sampleUsesNoInternalType() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.passerine..internal..")
                .because("the sample shows users the public API: io.passerine, .api, .apponly, .login")
                .check(SAMPLE);
    }
}
