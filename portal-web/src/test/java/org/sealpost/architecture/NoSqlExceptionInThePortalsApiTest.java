package org.sealpost.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: portal-ejb's API speaks of the domain (not found, refused, storage unavailable),
 * never of SQLException. A public method of a public class is that API, whoever calls it; a
 * package-private helper may still hand its SQLException to its own package. Checked for the
 * packages that keep it so today; the list becomes {@code org.sealpost.portal..} once every
 * package does.
 */
class NoSqlExceptionInThePortalsApiTest {

    @Test
    void noPublicMethodOfAccountAdministrationComposeOrOutboundDeclaresSqlException() {
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(
                        "org.sealpost.portal.account..",
                        "org.sealpost.portal.administration..",
                        "org.sealpost.portal.compose..",
                        "org.sealpost.portal.outbound..")
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .haveModifier(JavaModifier.PUBLIC)
                .should()
                .declareThrowableOfType(SQLException.class)
                .because("a failed statement leaves its table's owner as StorageUnavailableException (503)")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.sealpost.portal"));
    }
}
