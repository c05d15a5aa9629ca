package vn.motcua.scanner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @ArchTest
    static final ArchRule driversDoNotKnowEachOther = noClasses().that().resideInAPackage("vn.motcua.scanner.sane..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.scanner.escl..",
                    "vn.motcua.scanner.hotfolder..", "vn.motcua.scanner.twain..", "vn.motcua.scanner.simulated..");
}
