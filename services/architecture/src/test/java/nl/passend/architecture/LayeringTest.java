package nl.passend.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps: it builds on services/common only, its service and domain layers know
 * no HTTP (no {@code api} package), and no two packages depend on each other in a circle.
 */
class LayeringTest {

    static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.passend");

    /** Each service's root package; common code lives in nl.passend.events, .platform (and .testing for tests). */
    static final List<String> SERVICES = List.of("pupil", "consent", "opp", "support", "team", "reporting", "gateway");

    @Test
    void aServiceDependsOnNoOtherServiceOnlyOnCommon() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "nl.passend." + s + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("nl.passend." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services share code only through services/common")
                    .check(MAIN_CLASSES);
        }
        noClasses().that().resideInAnyPackage("nl.passend.events..", "nl.passend.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> "nl.passend." + s + "..")
                        .toArray(String[]::new))
                .because("common code knows no service")
                .check(MAIN_CLASSES);
    }

    @Test
    void serviceAndDomainKnowNoHttp() {
        noClasses().that().resideInAnyPackage("nl.passend.*.service..", "nl.passend.*.domain..")
                .should().dependOnClassesThat().resideInAPackage("nl.passend.*.api..")
                .because("a resource maps HTTP to the service's own types; services and domain know no HTTP")
                .check(MAIN_CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("nl.passend.(**)").should().beFreeOfCycles().check(MAIN_CLASSES);
    }
}
