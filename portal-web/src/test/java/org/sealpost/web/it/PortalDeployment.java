package org.sealpost.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one Arquillian deployment of this module: the WAR exactly as {@code package} built it
 * (so the test deploys what ships), plus the calling test's own classes.
 */
public final class PortalDeployment {

    private PortalDeployment() {}

    public static WebArchive withTestClasses(Class<?>... testClasses) {
        File war = new File(System.getProperty("sealpost.it.war", "target/portal.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: container tests run after 'package' (mvn verify)");
        }
        return ShrinkWrap.create(ZipImporter.class, "portal.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(testClasses)
                .addClass(PortalDeployment.class)
                // In-container tests assert with AssertJ; take the very jar the test runs with.
                .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
