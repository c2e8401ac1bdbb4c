package dev.datamanager.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md's layout and STYLE.md that a build can check: module arrows, names, no cycles. */
class ArchitectureTest {

  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.datamanager");
  }

  @Test
  void dependenciesPointOneWayWebCorePersistenceApi() {
    noClasses().that().resideInAPackage("dev.datamanager.api..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.datamanager.persistence..", "dev.datamanager.core..",
            "dev.datamanager.web..")
        .check(product);
    noClasses().that().resideInAPackage("dev.datamanager.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.datamanager.core..", "dev.datamanager.web..")
        .check(product);
    noClasses().that().resideInAPackage("dev.datamanager.core..")
        .should().dependOnClassesThat().resideInAPackage("dev.datamanager.web..")
        .check(product);
  }

  @Test
  void coreKnowsNothingOfHttp() {
    noClasses().that().resideInAPackage("dev.datamanager.core..")
        .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
        .check(product);
  }

  @Test
  void classesAreNamedForWhatTheyAre() {
    noClasses().should().haveSimpleNameEndingWith("Impl")
        .orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Util")
        .orShould().haveSimpleNameEndingWith("Utils")
        .check(product);
  }

  @Test
  void thePackagesOfCoreFormNoCycle() {
    slices().matching("dev.datamanager.core.(*)..").should().beFreeOfCycles().check(product);
  }

  @Test
  void onlyTheRepositoryPackageTouchesTheRecordEntity() {
    classes().that().haveSimpleName("StoredRecord").should().onlyBeAccessed()
        .byAnyPackage("dev.datamanager.persistence.record..")
        .check(product);
  }
}
