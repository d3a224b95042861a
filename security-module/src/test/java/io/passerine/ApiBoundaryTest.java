package io.passerine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the public API (issue 16): the user packages ({@code io.passerine}, {@code .api}, {@code .apponly},
 * {@code .login}) name no implementation type and no Nimbus type in what they expose, everything else lives under an
 * {@code internal} package, and the packages have no dependency cycles.
 */
class ApiBoundaryTest {

    /** The packages users import; every other package of the library is implementation. */
    static final Set<String> PUBLIC_PACKAGES =
            Set.of("io.passerine", "io.passerine.api", "io.passerine.apponly", "io.passerine.login");

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.passerine");
    }

    @Test
    void everyPackageIsPublicApiOrInternal() {
        classes().should(new ArchCondition<>("reside in a public package or an internal one") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String p = c.getPackageName();
                boolean ok = PUBLIC_PACKAGES.contains(p) || isInternal(p);
                events.add(new SimpleConditionEvent(c, ok, c.getName() + " is in " + p
                        + ", neither a public package " + new TreeSet<>(PUBLIC_PACKAGES) + " nor an internal one"));
            }
        }).check(library);
    }

    @Test
    void publicSignaturesNameNoInternalAndNoNimbusType() {
        classes().that(inPublicPackage()).and().arePublic().should(exposeOnlyApiTypes()).check(library);
    }

    @Test
    void publicPackagesUseNoNimbusMicroProfileOrTelemetry() {
        noClasses().that(inPublicPackage()).should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..",
                "org.eclipse.microprofile..", "io.opentelemetry..", "javax.cache..", "com.hazelcast..")
                .check(library);
    }

    /**
     * No cycles between the parts of the library: a public package and its {@code .internal} package are one part
     * (the implementation may use its own API types), each {@code io.passerine.internal.X} is a part of its own.
     */
    @Test
    void noCyclesBetweenParts() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (!p.startsWith("io.passerine.")) {
                    return p.equals("io.passerine") ? SliceIdentifier.of("io.passerine") : SliceIdentifier.ignore();
                }
                String[] parts = p.substring("io.passerine.".length()).split("\\.");
                if (parts[0].equals("internal")) {
                    return SliceIdentifier.of(parts.length > 1 ? "internal." + parts[1] : "internal");
                }
                return SliceIdentifier.of(parts[0]);
            }

            @Override
            public String getDescription() {
                return "public package with its .internal, or one io.passerine.internal.X package";
            }
        }).should().beFreeOfCycles().check(library);
    }

    static boolean isInternal(String pkg) {
        return pkg.startsWith("io.passerine.") && (pkg.contains(".internal.") || pkg.endsWith(".internal"));
    }

    private static DescribedPredicate<JavaClass> inPublicPackage() {
        return DescribedPredicate.describe("are in a public package",
                c -> c.getPackageName().startsWith("io.passerine") && !isInternal(c.getPackageName()));
    }

    private static ArchCondition<JavaClass> exposeOnlyApiTypes() {
        return new ArchCondition<>("name no internal and no Nimbus type in public or protected signatures") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getSuperclass().ifPresent(t -> verify(c, "supertype", t, events));
                c.getInterfaces().forEach(t -> verify(c, "supertype", t, events));
                for (JavaField f : c.getFields()) {
                    if (exposed(f.getModifiers())) {
                        verify(c, "field " + f.getName(), f.getType(), events);
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!exposed(u.getModifiers()) || u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    String where = u.getName() + "(...)";
                    verify(c, where + " return", u.getReturnType(), events);
                    u.getParameterTypes().forEach(t -> verify(c, where + " parameter", t, events));
                    u.getThrowsClause().getTypes().forEach(t -> verify(c, where + " throws", t, events));
                }
            }
        };
    }

    private static boolean exposed(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void verify(JavaClass owner, String where, JavaType type, ConditionEvents events) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            String p = raw.getPackageName();
            if (isInternal(p) || p.startsWith("com.nimbusds")) {
                events.add(SimpleConditionEvent.violated(owner,
                        owner.getName() + " exposes " + raw.getName() + " in " + where));
            }
        }
    }
}
