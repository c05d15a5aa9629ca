package vn.motcua.sync.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client is used by the app and talks to the hub over HTTP: it depends on neither (nor on JavaFX, nor a JDBC driver). */
@AnalyzeClasses(packages = "vn.motcua.sync.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientIndependenceTest {

    @ArchTest
    static final ArchRule dependsOnNeitherTheAppNorTheHub = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.counter..", "javafx..", "vn.motcua.sync.hub..",
                    "org.sqlite..");
}
