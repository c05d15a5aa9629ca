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

    /** Scanner drivers, their setup and the simulators: only the composition root picks them. */
    private static final String[] SCANNER_INSIDES = {"vn.motcua.scanner.sane..", "vn.motcua.scanner.escl..",
            "vn.motcua.scanner.hotfolder..", "vn.motcua.scanner.worker..", "vn.motcua.scanner.simulator..",
            "vn.motcua.scanner.setup.."};

    @ArchTest
    static final ArchRule applicationUsesPortsNotAdapters = noClasses()
            .that().resideInAPackage("vn.motcua.counter.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.motcua.counter.adapters..", "vn.motcua.counter.ui..", "vn.motcua.counter.bootstrap..",
                    "vn.motcua.counter.cli..", "vn.motcua.counter.capture..", "javafx..", "java.sql..", "org.sqlite..",
                    "vn.motcua.sync.client..", "okhttp3..")
            .orShould().dependOnClassesThat().resideInAnyPackage(SCANNER_INSIDES);

    /** The window gets service interfaces from the launcher: no adapter, no composition root, no store. */
    @ArchTest
    static final ArchRule uiTalksToServicesOnly = noClasses()
            .that().resideInAPackage("vn.motcua.counter.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.motcua.counter.adapters..", "vn.motcua.counter.bootstrap..", "vn.motcua.counter.capture..",
                    "vn.motcua.counter.cli..", "java.sql..", "org.sqlite..", "org.flywaydb..", "vn.motcua.sync.client..")
            .orShould().dependOnClassesThat().resideInAnyPackage(SCANNER_INSIDES);

    /** The command line is the window's twin: the same application services, nothing behind them. */
    @ArchTest
    static final ArchRule commandLineTalksToServicesOnly = noClasses()
            .that().resideInAPackage("vn.motcua.counter.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.motcua.counter.adapters..", "vn.motcua.counter.bootstrap..", "vn.motcua.counter.capture..",
                    "vn.motcua.counter.ui..", "javafx..", "java.sql..", "org.sqlite..", "org.flywaydb..",
                    "org.apache.pdfbox..", "net.sourceforge.tess4j..", "vn.motcua.sync.client..")
            .orShould().dependOnClassesThat().resideInAnyPackage(SCANNER_INSIDES);

    /**
     * Capture (clean-up, OCR, PDF/A, file input) is a library of image and PDF operations: it knows no dossier, no
     * store, no service, no window; the adapters put it behind the application's ports.
     */
    @ArchTest
    static final ArchRule captureKnowsNoApplication = noClasses()
            .that().resideInAPackage("vn.motcua.counter.capture..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.motcua.counter.application..", "vn.motcua.counter.adapters..", "vn.motcua.counter.ui..",
                    "vn.motcua.counter.cli..", "vn.motcua.counter.bootstrap..", "vn.motcua.counter.domain..",
                    "javafx..", "java.sql..", "org.sqlite..", "vn.motcua.scanner..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnTheUi = noClasses()
            .that().resideInAnyPackage("vn.motcua.counter.adapters..", "vn.motcua.counter.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.counter.ui..", "javafx..");

    @ArchTest
    static final ArchRule viewModelsAreNotViews = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");
}
