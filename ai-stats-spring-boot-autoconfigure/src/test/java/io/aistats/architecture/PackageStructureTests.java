package io.aistats.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure of the published code (the starter's main classes and the test kit): dependencies point one
 * way, and the client works in any Spring application.
 */
class PackageStructureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // not Predefined.DO_NOT_INCLUDE_TESTS: it knows only target/test-classes, and builds may use another directory
        ImportOption withoutTests = (location) -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(withoutTests).importPackages("io.aistats");
    }

    @Test
    void importsTheClientTheAutoConfigurationAndTheTestKit() {
        assertThat(classes.containPackage("io.aistats.video.model")).isTrue();
        assertThat(classes.containPackage("io.aistats.video.internal.http")).isTrue();
        assertThat(classes.containPackage("io.aistats.autoconfigure")).isTrue();
        assertThat(classes.containPackage("io.aistats.test")).isTrue();
    }

    @Test
    void noPackageCycle() {
        slices().matching("io.aistats.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void clientDoesNotDependOnSpringBoot() {
        noClasses().that()
            .resideInAPackage("io.aistats.video..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.boot..")
            .check(classes);
    }

    @Test
    void valuesAndErrorsDependOnNoOtherPackageOfTheClient() {
        noClasses().that()
            .resideInAnyPackage("io.aistats.video.model..", "io.aistats.video.error..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.aistats.video", "io.aistats.video.event..", "io.aistats.video.webhook..",
                    "io.aistats.video.stream..", "io.aistats.video.observation..", "io.aistats.video.internal.http..",
                    "io.aistats.video.internal.stream..", "io.aistats.autoconfigure..")
            .check(classes);
    }

    @Test
    void internalPackagesDependOnNoApiPackageAboveThem() {
        noClasses().that()
            .resideInAPackage("io.aistats.video.internal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.aistats.video", "io.aistats.video.event..", "io.aistats.video.webhook..",
                    "io.aistats.video.stream..", "io.aistats.video.observation..", "io.aistats.autoconfigure..")
            .check(classes);
    }
}
