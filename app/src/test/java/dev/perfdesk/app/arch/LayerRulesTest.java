package dev.perfdesk.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the build, checked on the compiled classes of every module: only viewers and app use JavaFX,
 * only store and app use JDBC, and dependencies point one way: app → viewers, importers, store → core.
 */
class LayerRulesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.perfdesk");
    }

    @Test
    void onlyViewersAndAppUseJavaFx() {
        noClasses().that().resideInAnyPackage("dev.perfdesk.core..", "dev.perfdesk.store..",
                        "dev.perfdesk.importers..", "dev.perfdesk.benchmarks..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..")
                .because("the model, the store and the importers run headless: in the CLI, in CI and in tests "
                        + "without a display")
                .check(classes);
    }

    @Test
    void onlyStoreAndAppUseJdbc() {
        noClasses().that().resideInAnyPackage("dev.perfdesk.core..", "dev.perfdesk.importers..",
                        "dev.perfdesk.viewers..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                        "org.postgresql..")
                .because("one module owns the database: its schema, transactions and engines live in store, and "
                        + "views get plain models from view models")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.perfdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.perfdesk.store..", "dev.perfdesk.importers..",
                        "dev.perfdesk.viewers..", "dev.perfdesk.app..")
                .because("core is the one home of the model and of every number; everything else builds on it")
                .check(classes);
    }

    @Test
    void storeImportersAndViewersDoNotDependOnEachOtherOrTheApp() {
        noClasses().that().resideInAPackage("dev.perfdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.perfdesk.importers..", "dev.perfdesk.viewers..",
                        "dev.perfdesk.app..")
                .because("the store keeps core's model whatever read it, so a second engine needs nothing else")
                .check(classes);
        noClasses().that().resideInAPackage("dev.perfdesk.importers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.perfdesk.store..", "dev.perfdesk.viewers..",
                        "dev.perfdesk.app..")
                .because("an importer turns bytes into core's model through an ImportSink; where the model goes "
                        + "is the caller's business")
                .check(classes);
        noClasses().that().resideInAPackage("dev.perfdesk.viewers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.perfdesk.store..", "dev.perfdesk.importers..",
                        "dev.perfdesk.app..")
                .allowEmptyShould(true)
                .because("views draw core's model; reading and writing the store is the view models' and the "
                        + "app's work, off the FX thread")
                .check(classes);
    }

    @Test
    void viewsTalkToViewModelsAndViewModelsToTheStore() {
        noClasses().that().resideInAPackage("dev.perfdesk.app.ui")
                .and().haveNameNotMatching(".*Model(\\$.*)?")
                .and().doNotHaveFullyQualifiedName("dev.perfdesk.app.ui.PerfdeskApp")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.perfdesk.store.Store")
                .because("a window, tab or view asks its view model (MainViewModel, RunTabModel, TrendTabModel, "
                        + "ProfileTabModel, ...), which reads and writes the store off the FX thread; only the "
                        + "application, which opens the store, hands it to the models")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.perfdesk.(**)").should().beFreeOfCycles()
                .because("a package that depends on one that depends back on it cannot be understood, tested or "
                        + "moved alone: the importer registry sits above the format packages, not beside their SPI")
                .check(classes);
    }
}
