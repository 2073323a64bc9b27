package org.sealpost.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/ARCHITECTURE.md, checked on the compiled classes of every module the
 * portal is made of (this module sees them all): the web layer talks to portal-ejb only; the
 * plain-Java modules know nothing above them, and mail-format nothing of a container; and
 * portal-ejb's feature packages use each other one way only (where a lower package must reach
 * a higher one it names an interface of its own that the higher one implements: outbound's
 * MailComposer, account's AccountMailQueue and ConfirmedSecondFactors).
 */
class ArchitectureTest {

    private static JavaClasses sealpost;

    @BeforeAll
    static void importTheCompiledClasses() {
        sealpost = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sealpost");
    }

    @Test
    void theWebLayerDependsOnPortalEjbOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.sealpost.web..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.sealpost..")
                        .and(resideOutsideOfPackages("org.sealpost.web..", "org.sealpost.portal..")))
                .because("portal-web depends on portal-ejb only: portal-ejb names what the pages need in its own"
                        + " types (addresses, attachments, sanitised HTML, the client behind a proxy), so the"
                        + " modules below it can change without the pages noticing")
                .check(sealpost);
    }

    @Test
    void nothingOutsideTheBridgeUsesItsInternalPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.sealpost.bridge..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.sealpost.bridge.internal..")
                .because("the bridge's internal package is its SMTP machinery, free to change; what others may"
                        + " use is its public API (org.sealpost.bridge, org.sealpost.bridge.net)")
                .check(sealpost);
    }

    @Test
    void thePlainJavaModulesKnowNothingOfThePortal() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.sealpost.bridge..",
                        "org.sealpost.search..",
                        "org.sealpost.migrations..",
                        "org.sealpost.mailformat..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.sealpost.portal..", "org.sealpost.web..")
                .because("arrows point down: the bridge and the index own their ports, the portal implements them")
                .check(sealpost);
    }

    @Test
    void theWebLayerNeverSeesTheDatabasesOwnExceptions() {
        noClasses()
                .that()
                .resideInAPackage("org.sealpost.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .because("portal-ejb's services throw domain exceptions (StorageUnavailableException: 503), never"
                        + " SQLException")
                .check(sealpost);
    }

    @Test
    void portalEjbsPublicMethodsThrowDomainExceptionsNotTheDatabases() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("org.sealpost.portal..")
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .arePublic()
                .should()
                .notDeclareThrowableOfType(java.sql.SQLException.class)
                .because("a caller of portal-ejb meets StorageUnavailableException, SealBrokenException or a"
                        + " not-found exception; SQL stays inside the table's owner")
                .check(sealpost);
    }

    @Test
    void mailFormatNeedsNoContainer() {
        noClasses()
                .that()
                .resideInAPackage("org.sealpost.mailformat..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ejb..",
                        "jakarta.persistence..",
                        "jakarta.faces..",
                        "jakarta.enterprise..",
                        "jakarta.inject..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "org.sealpost.search..",
                        "org.sealpost.bridge..",
                        "org.sealpost.migrations..")
                .because("reading and rendering MIME is plain Java over bytes (ADR 0022): Jakarta Mail's API and"
                        + " the HTML sanitiser, nothing of a container, a database or another module")
                .check(sealpost);
    }

    @Test
    void mailFormatsPackagesAreFreeOfCycles() {
        slices().matching("org.sealpost.mailformat.(*)..")
                .should()
                .beFreeOfCycles()
                .check(sealpost);
    }

    @Test
    void portalEjbNeverReachesUpIntoTheWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("org.sealpost.portal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.sealpost.web..")
                .check(sealpost);
    }

    @Test
    void portalEjbsFeaturePackagesAreFreeOfCycles() {
        slices().matching("org.sealpost.portal.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature package uses another only one way: account queues mail through outbound,"
                        + " notification composes it, and nothing below reaches back up")
                .check(sealpost);
    }

    @Test
    void theWebLayersPackagesAreFreeOfCycles() {
        slices().matching("org.sealpost.web.(*)..").should().beFreeOfCycles().check(sealpost);
    }

    @Test
    void onlyTheSettingsCatalogueReadsTheConfiguration() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.sealpost.portal.config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.microprofile.config..")
                .because("every setting is read through PortalSettings by its Setting, with one default, where"
                        + " the production check sees it")
                .check(sealpost);
    }
}
