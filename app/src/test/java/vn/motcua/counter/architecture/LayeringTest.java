package vn.motcua.counter.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure of ENGINEERING.md as rules: the domain is plain Java, the UI goes through view models and
 * services, and the application layer never reaches into adapters.
 */
@AnalyzeClasses(packages = "vn.motcua.counter", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworksNorFiles = noClasses()
            .that().resideInAPackage("vn.motcua.counter.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..",
                    "java.net.http..", "okhttp3..", "java.nio.file..", "org.apache.pdfbox..", "com.fasterxml..",
                    "vn.motcua.scanner..", "vn.motcua.counter.application..", "vn.motcua.counter.adapters..",
                    "vn.motcua.counter.ui..", "vn.motcua.counter.bootstrap..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File");

    @ArchTest
    static final ArchRule applicationUsesPortsNotAdapters = noClasses()
            .that().resideInAPackage("vn.motcua.counter.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.motcua.counter.adapters..", "vn.motcua.counter.ui..", "vn.motcua.counter.bootstrap..",
                    "javafx..", "java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule uiNeverTouchesTheStore = noClasses()
            .that().resideInAPackage("vn.motcua.counter.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.motcua.counter.adapters.store..", "java.sql..", "org.sqlite..", "org.flywaydb..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnTheUi = noClasses()
            .that().resideInAnyPackage("vn.motcua.counter.adapters..", "vn.motcua.counter.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.counter.ui..", "javafx..");

    @ArchTest
    static final ArchRule viewModelsAreNotViews = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");
}
