package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.SendFailedException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The intake path end to end: a real SMTP client over STARTTLS, the bridge inside the
 * deployed portal, the encrypted store in PostgreSQL, checked from outside by decrypting
 * with the keystore the portal generated.
 */
@RunAsClient
class MailIntakeIT extends PortalClientTest {

    private final StoredMessages store = new StoredMessages();

    @Test
    void flaggedMailIsStoredEncryptedForAPendingRecipientWithAnUnreadInboxEntryAndAQueuedNotification()
            throws Exception {
        String marker = "intake-" + UUID.randomUUID();
        String recipient = "new.customer." + marker.substring(7, 15) + "@client.example";

        bridge.sendRaw(
                BridgeClient.message(marker + "@bank.example", "Your mortgage offer", "Body " + marker, true),
                recipient);

        StoredMessages.Found found = store.findByMarker(marker).orElseThrow();
        assertThat(found.metadata().subject()).isEqualTo("Your mortgage offer");
        assertThat(found.mime())
                .startsWith("Received: from gateway.bank.example")
                .contains("with ESMTPS");
        assertThat(store.count("SELECT count(*) FROM account WHERE email = ? AND state = 'PENDING'", recipient))
                .isOne();
        assertThat(store.count("""
                SELECT count(*) FROM mailbox_entry e JOIN account a ON a.id = e.account_id
                WHERE a.email = ? AND e.content_id = ? AND e.folder = 'INBOX' AND NOT e.is_read""", recipient, found.id())).isOne();
        // Queued in the intake's transaction; the outbound worker (every 2 s) may have sent it already.
        assertThat(store.count("""
                SELECT count(*) FROM outbound_mail WHERE recipient = ? AND content_id = ?
                AND kind = 'NOTIFY_NEW_MESSAGE' AND state IN ('QUEUED', 'SENT')""", recipient, found.id())).isOne();
    }

    @Test
    void oneMessageForTwoRecipientsIsStoredOnceWithAnEntryAndNotificationEach() throws Exception {
        String marker = "two-" + UUID.randomUUID();

        bridge.sendRaw(
                BridgeClient.message(marker + "@bank.example", "Joint account", marker, true),
                "partner.one@client.example",
                "Partner.Two@Client.Example");

        StoredMessages.Found found = store.findByMarker(marker).orElseThrow();
        assertThat(store.count("SELECT count(*) FROM mailbox_entry WHERE content_id = ?", found.id()))
                .isEqualTo(2);
        assertThat(store.count("SELECT count(*) FROM outbound_mail WHERE content_id = ?", found.id()))
                .isEqualTo(2);
        assertThat(store.count("SELECT count(*) FROM account WHERE email = 'partner.two@client.example'"))
                .isOne();
    }

    @Test
    void mailWithoutTheEncryptFlagIsRefusedWith550AndNotStored() throws Exception {
        String marker = "unflagged-" + UUID.randomUUID();

        assertThatThrownBy(() -> bridge.sendRaw(
                        BridgeClient.message(marker + "@bank.example", "s", marker, false), "customer@client.example"))
                .isInstanceOf(SMTPSendFailedException.class)
                .satisfies(e -> assertThat(((SMTPSendFailedException) e).getReturnCode())
                        .isEqualTo(550))
                .hasMessageContaining("X-Sealpost-Encrypt");
        assertThat(store.findByMarker(marker)).isEmpty();
    }

    @Test
    void aRecipientInAnInternalDomainIsRefusedBecauseTheGatewayServesThemDirectly() {
        assertThatThrownBy(() -> bridge.sendRaw(
                        BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true),
                        "colleague@bank.example"))
                .isInstanceOf(SendFailedException.class)
                .cause()
                .isInstanceOf(SMTPAddressFailedException.class)
                .satisfies(e -> assertThat(((SMTPAddressFailedException) e).getReturnCode())
                        .isEqualTo(550))
                .hasMessageContaining("internal");
    }

    @Test
    void malformedMimeIsStoredExactlyAsReceived() throws Exception {
        String marker = "broken-" + UUID.randomUUID();
        String broken = "From: Advisor <advisor@bank.example>\r\n"
                + "Subject: Kontoauszug f\u00fcr M\u00fcller\r\n"
                + "Message-ID: <" + marker + "@bank.example>\r\n"
                + "X-Sealpost-Encrypt: yes\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n"
                + "--never-closed\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "!!! not base64 " + marker + "\r\n";

        bridge.sendRaw(broken, "customer@client.example");

        StoredMessages.Found found = store.findByMarker(marker).orElseThrow();
        assertThat(found.mime()).endsWith(broken.substring(broken.indexOf("From:")));
        assertThat(found.metadata().subject()).isEqualTo("Kontoauszug f\u00fcr M\u00fcller");
    }

    @Test
    void aDatabaseDumpHoldsNoSubjectBodySenderNameOrAttachmentName() throws Exception {
        String subject = "Zebracorn" + UUID.randomUUID().toString().substring(0, 8);
        String body = "Quokkafruit" + UUID.randomUUID().toString().substring(0, 8);
        String senderName = "Narwhalina" + UUID.randomUUID().toString().substring(0, 8);
        String attachment = "Axolotlplan" + UUID.randomUUID().toString().substring(0, 8);
        String mail = "From: " + senderName + " <advisor@bank.example>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + body + "@bank.example>\r\n"
                + "X-Sealpost-Encrypt: yes\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\n" + body + "\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"" + attachment + ".pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + attachment + ".pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
        bridge.sendRaw(mail, "dump.check@client.example");
        assertThat(store.findByMarker(body)).isPresent();

        DatabaseDump dump = DatabaseDump.of(
                System.getProperty("sealpost.it.db.url"),
                System.getProperty("sealpost.it.db.user"),
                System.getProperty("sealpost.it.db.password"));

        assertThat(dump.text()).contains("dump.check@client.example"); // the dump is real and complete
        for (String secret : List.of(subject, body, senderName, attachment)) {
            String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(dump.text())
                    .as("dump by %s", dump.tool())
                    .doesNotContainIgnoringCase(secret)
                    .doesNotContain(hex);
        }
    }

    @Test
    void whileTheDatabaseRefusesConnectionsTheBridgeAnswers451StoresNothingAndRecoversAfter() throws Exception {
        String database = databaseName(System.getProperty("sealpost.it.db.url"));
        String down = "outage-" + UUID.randomUUID();
        long storedBefore = store.count("SELECT count(*) FROM message_content");
        try {
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

            assertThatThrownBy(() -> bridge.sendRaw(
                            BridgeClient.message(down + "@bank.example", "s", down, true), "customer@client.example"))
                    .isInstanceOf(SMTPSendFailedException.class)
                    .satisfies(e -> assertThat(((SMTPSendFailedException) e).getReturnCode())
                            .isEqualTo(451));
        } finally {
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        assertThat(store.count("SELECT count(*) FROM message_content")).isEqualTo(storedBefore);
        assertThat(store.findByMarker(down)).isEmpty();

        String back = "recovered-" + UUID.randomUUID();
        sendWithRetries(BridgeClient.message(back + "@bank.example", "s", back, true), Duration.ofSeconds(30));
        assertThat(store.findByMarker(back)).isPresent();
    }

    private void sendWithRetries(String raw, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                bridge.sendRaw(raw, "customer@client.example");
                return;
            } catch (SMTPSendFailedException e) {
                if (e.getReturnCode() != 451 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static void admin(String sql) throws Exception {
        String url = System.getProperty("sealpost.it.db.url");
        String adminUrl = url.replace("/" + databaseName(url), "/postgres");
        try (Connection c = DriverManager.getConnection(
                        adminUrl,
                        System.getProperty("sealpost.it.db.user"),
                        System.getProperty("sealpost.it.db.password"));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
