package vn.motcua.sync.wire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The protocol is shared by the counter and the hub: it knows neither, nor any HTTP server, database or UI. */
@AnalyzeClasses(packages = "vn.motcua.sync.wire", importOptions = ImportOption.DoNotIncludeTests.class)
class WireIndependenceTest {

    @ArchTest
    static final ArchRule standsAlone = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.motcua.counter..", "vn.motcua.sync.hub..", "vn.motcua.sync.client..", "javafx..",
                    "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                    "org.postgresql..", "org.flywaydb..", "com.zaxxer..", "okhttp3..");
}
