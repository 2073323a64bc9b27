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

    /** Whether a test of this class already registered the administrator (the link works once). */
    private static boolean registered;

    /** The administrator, signed in: registered through the invitation the first time, else by password. */
    private static synchronized void signInAdministrator(Browser browser) throws Exception {
        if (!registered) {
            String link = CapturedMail.awaitLink(ADMIN, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
            assertThat(CapturedMail.latestTo(ADMIN).orElseThrow()).contains("administrator");
            browser.open(link).type("password", PASSWORD).type("confirmation", PASSWORD).click("submit");
            registered = true;
        } else {
            browser.open("/login.xhtml").type("email", ADMIN).type("password", PASSWORD).click("submit");
        }
        assertThat(browser.text()).contains("Signed in as " + ADMIN);
    }

    @Test
    void anAdministratorReplacesTheBridgeCertificateAndNewConnectionsGetItWithinSeconds() throws Exception {
        String before = bridge.presentedFingerprint();
        try (Browser browser = new Browser(portal.toString(), "certificate")) {
            signInAdministrator(browser);
            browser.open("/admin/certificate.xhtml");
            assertThat(browser.find("fingerprint").getText()).isEqualTo(before);
            assertThat(browser.text()).contains("This replaces the certificate in use at once");

            browser.click("self-signed:submit");
            assertThat(browser.text()).contains("Tick \"Replace the certificate in use\" to confirm.");
            assertThat(browser.find("fingerprint").getText()).isEqualTo(before);

            browser.press("self-signed:confirm").click("self-signed:submit");
            String after = browser.find("fingerprint").getText();
            assertThat(after).isNotEqualTo(before);
            browser.screenshot("certificate-replaced");

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!bridge.presentedFingerprint().equals(after) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(bridge.presentedFingerprint()).isEqualTo(after);

            browser.click("rollback:submit");
            assertThat(browser.find("fingerprint").getText()).isEqualTo(before);

            // The invitation went to the smarthost over TLS; its protocol and cipher are shown.
            long shown = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!browser.text().contains("Last delivery to the smarthost: TLSv1.") && System.nanoTime() < shown) {
                Thread.sleep(1000);
                browser.open("/admin/certificate.xhtml");
            }
            assertThat(browser.find("last-delivery").getText()).startsWith("Last delivery to the smarthost: TLSv1.")
                    .contains("TLS_");
            assertThat(browser.text()).contains("No trust anchors imported");
        }
    }

    @Test
    void theInvitedAdministratorRegistersAndSeesUndeliveredMailWithItsReason() throws Exception {

        String stuck = "stuck." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        CapturedMail.stop();
        try (Browser browser = new Browser(portal.toString(), "administration")) {
            bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true), stuck);

            signInAdministrator(browser);
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
