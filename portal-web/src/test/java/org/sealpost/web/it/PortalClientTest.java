package org.sealpost.web.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every test that drives the deployed portal from outside shares: the WAR as built,
 * the portal's base address, and a gateway's SMTP client for its bridge.
 */
@ExtendWith(ArquillianExtension.class)
abstract class PortalClientTest {

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    URL portal;

    final BridgeClient bridge = BridgeClient.forContainer();
}
