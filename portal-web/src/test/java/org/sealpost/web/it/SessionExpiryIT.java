package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session the container discards for idleness closes its registry row, so it leaves the
 * account page's list. Its own deployment: the WAR plus a test servlet that shortens the
 * session's idle timeout (the portal's shortest is a minute, and the reaper's round adds more).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionExpiryIT {

    private static final String PASSWORD = "expiring session passphrase";

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.withTestClasses(ShortSessionServlet.class);
    }

    @ArquillianResource
    URL portal;

    private final BridgeClient bridge = BridgeClient.forContainer();
    private final StoredMessages store = new StoredMessages();

    @Test
    void anExpiredSessionsRowIsClosedAsExpired() throws Exception {
        try (Browser browser = new Browser(portal.toString(), "session-expiry")) {
            String address = Recipients.newAddress("session-expiry");
            Recipients.register(browser, Recipients.firstMessageAndLink(bridge, address, "s"), address, PASSWORD);
            assertThat(open(address)).isOne();

            browser.open("/it/short-session");
            assertThat(browser.text()).contains("idle timeout now 1 s");

            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (open(address) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
            }
            assertThat(store.count("""
                    SELECT count(*) FROM portal_session s JOIN account a ON a.id = s.account_id
                    WHERE a.email = ? AND s.end_reason = 'EXPIRED'""", address)).isOne();
            browser.open("/inbox.xhtml");
            assertThat(browser.path()).startsWith("/login.xhtml");
        }
    }

    private long open(String address) throws Exception {
        return store.count("""
                SELECT count(*) FROM portal_session s JOIN account a ON a.id = s.account_id
                WHERE a.email = ? AND s.ended_at IS NULL""", address);
    }
}
