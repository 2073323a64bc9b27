package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator edits the new-message mail in the browser: the preview follows the typing,
 * a broken template is refused with its line, the saved one is what the next notification says;
 * and narrows the bridge's allow-list, which the next SMTP connection meets without a restart.
 * Each test leaves the shared settings as it found them.
 */
@RunAsClient
class NotificationTemplateEditorIT extends PortalClientTest {

    private static final String PASSWORD = "template editor passphrase of the test";

    @Test
    void anAdministratorEditsTheNewMessageMailSeesThePreviewAndTheNextNotificationUsesIt() throws Exception {
        String admin = Recipients.registered(portal.toString(), bridge, "template-admin", PASSWORD);
        promoteToAdministrator(admin);
        String reader = Recipients.registered(portal.toString(), bridge, "template-reader", PASSWORD);

        try (Browser browser = new Browser(portal.toString(), "template-editor")) {
            browser.open("/login.xhtml")
                    .type("email", admin)
                    .type("password", PASSWORD)
                    .click("submit");
            browser.open("/admin/notifications.xhtml?kind=NEW_MESSAGE");
            assertThat(browser.text()).contains("New message", "{{portalLink}}");

            browser.type("template:html", "<div>\n<p>Dear customer {{customerName}}</p>\n</div>");
            browser.click("template:save");
            assertThat(browser.text())
                    .contains("Not saved: the HTML version, line 2")
                    .contains("unknown placeholder {{customerName}}");

            browser.open("/admin/notifications.xhtml?kind=NEW_MESSAGE");
            browser.type("template:subject", "Branded news from {{organisationName}}");
            browser.type("template:text", "Branded notice from {{organisationName}}: sign in at {{portalLink}}");
            browser.type(
                    "template:html",
                    "<p>Branded notice from {{organisationName}}: "
                            + "<a href=\"{{portalLink}}\">{{portalLink}}</a></p>");
            browser.awaitText("Branded notice from Sealpost: sign in at http");
            // The preview is re-rendered after each pause in typing: read the frame once it settled.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        WebElement frame = d.findElement(By.id("preview-html"));
                        return "".equals(frame.getAttribute("sandbox"))
                                && frame.getAttribute("srcdoc").contains("Branded notice from Sealpost");
                    });
            browser.screenshot("template-preview");
            browser.click("template:save");
            assertThat(browser.text()).contains("The mail “New message” was saved");

            // "Send me a test": through the outbound queue to the administrator, sample values.
            browser.press("template:test").awaitText("A test of “New message” is on its way to " + admin);
            String test = new String(
                    CapturedMail.awaitMail(admin, "Branded notice from Sealpost: sign in at", Duration.ofSeconds(60))
                            .rawMime(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(test).contains("Subject: Branded news from Sealpost");
        }

        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "after the edit", "b", true), reader);
        String mail = new String(
                CapturedMail.awaitMail(reader, "Branded notice from Sealpost: sign in at", Duration.ofSeconds(90))
                        .rawMime(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mail).contains("Subject: Branded news from Sealpost");
    }

    @Test
    void anAdministratorNarrowsTheGatewayAllowListAndTheNextConnectionIsRefusedWithoutARestart() throws Exception {
        String admin = Recipients.registered(portal.toString(), bridge, "bridge-admin", PASSWORD);
        promoteToAdministrator(admin);

        try (Browser browser = new Browser(portal.toString(), "bridge-settings")) {
            browser.open("/login.xhtml")
                    .type("email", admin)
                    .type("password", PASSWORD)
                    .click("submit");
            browser.open("/admin/bridge.xhtml");
            assertThat(browser.find("bridge:flag-name").getAttribute("value")).isEqualTo("X-Sealpost-Encrypt");
            assertThat(browser.text()).contains("127.0.0.0/8");

            browser.type("bridge:clients", "127.0.0.0/8\n10.0.0.1/8").click("bridge:save");
            assertThat(browser.text()).contains("“10.0.0.1/8” is not an address or network in CIDR notation");
            bridge.sendRaw(
                    BridgeClient.message(UUID.randomUUID() + "@bank.example", "still open", "b", true),
                    Recipients.newAddress("still-open"));

            try {
                // We connect from 127.0.0.1; allowing only 10.0.0.0/8 keeps every packet on loopback.
                browser.open("/admin/bridge.xhtml")
                        .type("bridge:clients", "10.0.0.0/8")
                        .click("bridge:save");
                assertThat(browser.text()).contains("The mail bridge settings were saved");

                assertThatThrownBy(() -> bridge.sendRaw(
                                BridgeClient.message(UUID.randomUUID() + "@bank.example", "shut out", "b", true),
                                Recipients.newAddress("shut-out")))
                        .isInstanceOf(MessagingException.class)
                        .hasMessageContaining("554");
            } finally {
                browser.open("/admin/bridge.xhtml")
                        .type("bridge:clients", "127.0.0.0/8\n::1/128")
                        .click("bridge:save");
            }
            bridge.sendRaw(
                    BridgeClient.message(UUID.randomUUID() + "@bank.example", "open again", "b", true),
                    Recipients.newAddress("open-again"));

            browser.open("/admin/notifications.xhtml")
                    .type("branding:accent", "#facc15")
                    .click("branding:save");
            assertThat(browser.text()).contains("The colour #facc15 (1.5:1) is too light");
            try {
                browser.open("/admin/notifications.xhtml")
                        .type("branding:organisation", "Bank Example")
                        .type("branding:accent", "#0f766e")
                        .click("branding:save");
                assertThat(browser.find("brand-name").getText())
                        .as(browser.text())
                        .isEqualTo("Bank Example");
                assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("style"))
                        .contains("#0f766e");
            } finally {
                browser.open("/admin/notifications.xhtml")
                        .type("branding:organisation", "Sealpost")
                        .type("branding:accent", "#1d4ed8")
                        .click("branding:save");
            }
        }
    }

    private static void promoteToAdministrator(String address) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        System.getProperty("sealpost.it.db.url"),
                        System.getProperty("sealpost.it.db.user"),
                        System.getProperty("sealpost.it.db.password"));
                PreparedStatement ps = c.prepareStatement("UPDATE account SET role = 'ADMIN' WHERE email = ?")) {
            ps.setString(1, address);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
