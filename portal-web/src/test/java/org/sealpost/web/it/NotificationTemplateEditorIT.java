package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * a broken template is refused with its line, the saved one is what the next notification says.
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
            browser.open("/login.xhtml").type("email", admin).type("password", PASSWORD).click("submit");
            browser.open("/admin/notifications.xhtml?kind=NEW_MESSAGE");
            assertThat(browser.text()).contains("New message", "{{portalLink}}");

            browser.type("template:html", "<div>\n<p>Dear customer {{customerName}}</p>\n</div>");
            browser.click("template:save");
            assertThat(browser.text()).contains("Not saved: the HTML version, line 2")
                    .contains("unknown placeholder {{customerName}}");

            browser.open("/admin/notifications.xhtml?kind=NEW_MESSAGE");
            browser.type("template:subject", "Branded news from {{organisationName}}");
            browser.type("template:text", "Branded notice from {{organisationName}}: sign in at {{portalLink}}");
            browser.type("template:html", "<p>Branded notice from {{organisationName}}: "
                    + "<a href=\"{{portalLink}}\">{{portalLink}}</a></p>");
            browser.awaitText("Branded notice from Sealpost: sign in at http");
            // The preview is re-rendered after each pause in typing: read the frame once it settled.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                        WebElement frame = d.findElement(By.id("preview-html"));
                        return "".equals(frame.getAttribute("sandbox"))
                                && frame.getAttribute("srcdoc").contains("Branded notice from Sealpost");
                    });
            browser.screenshot("template-preview");
            browser.click("template:save");
            assertThat(browser.text()).contains("The mail “New message” was saved");

            // "Send me a test": through the outbound queue to the administrator, sample values.
            browser.press("template:test").awaitText("A test of “New message” is on its way to " + admin);
            String test = new String(CapturedMail.awaitMail(admin, "Branded notice from Sealpost: sign in at",
                    Duration.ofSeconds(60)).rawMime(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(test).contains("Subject: Branded news from Sealpost");
        }

        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "after the edit", "b", true), reader);
        String mail = new String(CapturedMail.awaitMail(reader, "Branded notice from Sealpost: sign in at",
                Duration.ofSeconds(90)).rawMime(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mail).contains("Subject: Branded news from Sealpost");
    }

    private static void promoteToAdministrator(String address) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("sealpost.it.db.url"),
                System.getProperty("sealpost.it.db.user"), System.getProperty("sealpost.it.db.password"));
                PreparedStatement ps = c.prepareStatement("UPDATE account SET role = 'ADMIN' WHERE email = ?")) {
            ps.setString(1, address);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
