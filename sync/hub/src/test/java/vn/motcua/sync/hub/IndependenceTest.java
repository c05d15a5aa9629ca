package vn.motcua.sync.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hub serves the counters; it never depends on the counter application (nor on JavaFX). */
@AnalyzeClasses(packages = "vn.motcua.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class IndependenceTest {

    @ArchTest
    static final ArchRule doesNotDependOnTheApp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.counter..", "javafx..", "vn.motcua.sync.client..");
}
