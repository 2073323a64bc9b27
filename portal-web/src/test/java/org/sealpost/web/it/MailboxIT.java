package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The recipient's folders in a browser: trash, restore, delete for ever (and the content with it). */
@RunAsClient
class MailboxIT extends PortalClientTest {

    private static final String REGISTRATION_LINK = Recipients.REGISTRATION_LINK;
    private static final String PASSWORD = "mailbox test passphrase";

    @Test
    void aMessageGoesToTheTrashComesBackAndDeletedForEverTakesItsContentWithIt() throws Exception {
        String recipient = Recipients.newAddress("folders");
        String keep = "Keep me " + UUID.randomUUID().toString().substring(0, 6);
        String drop = "Drop me " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", keep, "b", true), recipient);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", drop, "b", true), recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = new Browser(portal.toString(), "folders")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            assertThat(browser.text()).contains(keep).contains(drop);

            browser.click(rowButton(browser, drop, "trash"));
            assertThat(browser.text()).contains(keep).doesNotContain(drop);
            browser.click("nav-trash").screenshot("trash");
            assertThat(browser.text()).contains(drop).doesNotContain(keep);

            browser.click(rowButton(browser, drop, "restore"));
            browser.click("nav-inbox");
            assertThat(browser.text()).contains(keep).contains(drop);

            browser.click(rowButton(browser, drop, "trash"));
            browser.click("nav-trash");
            assertThat(contentRows(recipient)).isEqualTo(2);
            browser.click(rowButton(browser, drop, "delete")).screenshot("deleted");
            assertThat(browser.text()).doesNotContain(drop);
            assertThat(contentRows(recipient)).as("the deleted message's ciphertext and wrapped key").isEqualTo(1);
        }
    }

    /** The id of the button in the table row that shows the given subject. */
    private static String rowButton(Browser browser, String subject, String button) {
        for (var row : browser.driver().findElements(org.openqa.selenium.By.cssSelector("tr"))) {
            if (row.getText().contains(subject)) {
                return row.findElement(org.openqa.selenium.By.cssSelector("[id$=':" + button + "']")).getAttribute("id");
            }
        }
        throw new AssertionError("no row with " + subject);
    }

    /** How many stored messages the recipient has, trash included. */
    private static long contentRows(String recipient) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("sealpost.it.db.url"),
                System.getProperty("sealpost.it.db.user"), System.getProperty("sealpost.it.db.password"));
                PreparedStatement ps = c.prepareStatement("""
                        SELECT count(*) FROM message_content m WHERE EXISTS (SELECT 1 FROM outbound_mail o
                        WHERE o.content_id = m.id AND o.recipient = ?)""")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
