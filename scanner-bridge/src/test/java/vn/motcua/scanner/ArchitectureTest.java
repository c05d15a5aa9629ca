package vn.motcua.scanner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The bridge knows nothing of dossiers or the UI; the API package knows no driver. */
@AnalyzeClasses(packages = "vn.motcua.scanner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noAppNoUi = noClasses().that().resideInAPackage("vn.motcua.scanner..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.counter..", "javafx..");

    @ArchTest
    static final ArchRule apiKnowsNoDriver = noClasses().that().resideInAPackage("vn.motcua.scanner")
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.scanner.*..");

    private static final String SIMULATORS = "vn.motcua.scanner.simulator..";
    /** Each driver family, by its packages: one way of reaching scanners, which no other family may reach into. */
    private static final Map<String, String> DRIVERS = Map.of(
            "sane", "vn.motcua.scanner.sane..",
            "escl", "vn.motcua.scanner.escl..",
            "hotfolder", "vn.motcua.scanner.hotfolder..",
            "worker", "vn.motcua.scanner.worker..");

    /** A driver knows no other driver, and no simulator (they are for demos and tests, wired by the setup). */
    @ArchTest
    static void driversKnowNeitherEachOtherNorSimulators(JavaClasses classes) {
        DRIVERS.forEach((name, packages) -> {
            List<String> forbidden = new ArrayList<>(DRIVERS.values());
            forbidden.remove(packages);
            forbidden.add(SIMULATORS);
            noClasses().that().resideInAPackage(packages)
                    // the worker process's entry point picks its backend by name, the virtual source among them
                    .and().doNotHaveFullyQualifiedName("vn.motcua.scanner.worker.host.BridgeWorkerMain")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as("the " + name + " driver knows no other driver nor a simulator").check(classes);
        });
    }

    /** Inside the worker process, the TWAIN and WIA backends share the protocol and nothing else. */
    @ArchTest
    static final ArchRule twainAndWiaBackendsAreApart = slices()
            .matching("vn.motcua.scanner.worker.host.(*)..").should().notDependOnEachOther();

    /** The worker bridge's driver side runs in the application's process and never loads a backend's code. */
    @ArchTest
    static final ArchRule theDriverSideKnowsNoBackend = noClasses().that().resideInAPackage("vn.motcua.scanner.worker")
            .should().dependOnClassesThat().resideInAPackage("vn.motcua.scanner.worker.host..");
}
