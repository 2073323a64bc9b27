package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The administrator named in configuration is invited by mail, registers, and sees mail the
 * portal could not deliver, with the reason; a recipient cannot open the administration pages.
 */
@RunAsClient
class AdministrationIT extends PortalClientTest {

    private static final String ADMIN = "postmaster@bank.example";
    private static final String REGISTRATION_LINK = Recipients.REGISTRATION_LINK;
    private static final String PASSWORD = "administrator passphrase of the test";

    @Test
    void theInvitedAdministratorRegistersAndSeesUndeliveredMailWithItsReason() throws Exception {
        String link = CapturedMail.awaitLink(ADMIN, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        assertThat(CapturedMail.latestTo(ADMIN).orElseThrow()).contains("administrator");

        String stuck = "stuck." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        CapturedMail.stop();
        try (Browser browser = new Browser(portal.toString(), "administration")) {
            bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true), stuck);

            browser.open(link).type("password", PASSWORD).type("confirmation", PASSWORD).click("submit");
            assertThat(browser.text()).contains("Signed in as " + ADMIN);
            browser.click("admin-link");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!browser.text().contains(stuck) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                browser.open("/admin/outbound.xhtml");
            }
            browser.screenshot("undelivered");
            assertThat(browser.text()).contains(stuck).contains("Waiting for a retry").containsIgnoringCase("connect");
        } finally {
            CapturedMail.restart();
        }
    }

    @Test
    void aRecipientIsForbiddenTheAdministrationPages() throws Exception {
        String recipient = Recipients.newAddress("curious");
        String link = Recipients.firstMessageAndLink(bridge, recipient, "s");

        try (Browser browser = new Browser(portal.toString(), "forbidden")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            assertThat(browser.text()).doesNotContain("Administration");

            browser.open("/admin/outbound.xhtml");
            assertThat(browser.text()).doesNotContain("Undelivered mail").containsAnyOf("403", "Forbidden");
        }
    }

}
