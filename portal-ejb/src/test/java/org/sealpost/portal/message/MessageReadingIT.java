package org.sealpost.portal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;

/** A recipient opens a message against a real PostgreSQL: found by (entry, account), rendered, marked read. */
class MessageReadingIT {

    private static final byte[] MIME = """
            From: Advisor <advisor@bank.example>\r
            Subject: Quarterly statement\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            Dear customer, the figures are attached.\r
            --b\r
            Content-Type: application/pdf; name="figures.pdf"\r
            Content-Disposition: attachment; filename="figures.pdf"\r
            \r
            %PDF-1.4\r
            --b--\r
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private PortalJpa jpa;
    private MessageSealer sealer;
    private final OpenedMessageCache opened = new OpenedMessageCache();
    private long anna;
    private long ben;
    private long annas;

    @BeforeEach
    void aMessageInAnnasInbox() throws Exception {
        jpa = PortalJpa.create("reading");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        try (Connection c = jpa.dataSource().getConnection()) {
            anna = account(c, "anna@client.example");
            ben = account(c, "ben@client.example");
            UUID id = UUID.randomUUID();
            MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(MIME);
            StoredMessages.storeContent(
                    c, id, sealer.seal(id, MIME, reading.metadata().encode()), MIME.length, Instant.now());
            annas = StoredMessages.deliverToInboxes(c, id, List.of(anna), Instant.now())
                    .getFirst()
                    .entryId();
        }
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    void openingAMessageShowsItsBodyAndAttachmentAndMarksItRead() throws Exception {
        OpenedMessage message = jpa.inTransaction(
                em -> new MessageReading(em, sealer, opened).open(annas, anna, false, cid -> "/inline/" + cid));

        assertThat(message.subject()).isEqualTo("Quarterly statement");
        assertThat(message.rendered().textBody()).contains("the figures are attached");
        assertThat(message.rendered().attachments())
                .extracting(a -> a.fileName())
                .containsExactly("figures.pdf");
        assertThat(jpa.<Long>inTransaction(em -> StoredMessages.unreadInInbox(em, anna)))
                .as("read once opened")
                .isZero();
    }

    @Test
    void anAttachmentIsServedFromTheMessageTheRecipientOpened() throws Exception {
        String partId = jpa.inTransaction(
                        em -> new MessageReading(em, sealer, opened).open(annas, anna, false, cid -> cid))
                .rendered()
                .attachments()
                .getFirst()
                .partId();
        AttachmentDownload download =
                jpa.inTransaction(em -> new MessageReading(em, sealer, opened).attachment(annas, anna, partId));

        assertThat(download.fileName()).isEqualTo("figures.pdf");
        assertThat(new String(download.content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
    }

    @Test
    void anotherAccountsEntryIdIsNotFoundAndStaysUnread() throws Exception {
        jpa.inTransaction(em -> {
            MessageReading reading = new MessageReading(em, sealer, opened);
            assertThatThrownBy(() -> reading.open(annas, ben, false, cid -> cid))
                    .isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> reading.attachment(annas, ben, "2")).isInstanceOf(MessageNotFoundException.class);
            return null;
        });
        assertThat(jpa.<Long>inTransaction(em -> StoredMessages.unreadInInbox(em, anna)))
                .isOne();
    }

    private static long account(Connection c, String email) throws java.sql.SQLException {
        try (var ps = c.prepareStatement(
                "INSERT INTO account (email, role, state) VALUES (?, 'RECIPIENT', 'ACTIVE') RETURNING id")) {
            ps.setString(1, email);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
