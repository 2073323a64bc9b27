package org.sealpost.portal.search;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.SearchIndexQueue;

/** What the search tests deliver: a sealed plain-text message in one inbox, with its queue row. */
final class TestDeliveries {

    private TestDeliveries() {}

    /** Stores a sealed message with one inbox entry and its queue row on {@code c}, as the intake does. */
    static long deliver(Connection c, MessageSealer sealer, long account, String subject, String body)
            throws SQLException {
        byte[] mime = ("From: advisor@bank.example\r\nSubject: " + subject + "\r\nContent-Type: text/plain\r\n\r\n"
                        + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        UUID id = UUID.randomUUID();
        MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(mime);
        SealedMessage sealed = sealer.seal(id, mime, reading.metadata().encode());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO message_content (id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext,
                    size_bytes, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, id);
            ps.setInt(2, sealed.kekVersion());
            ps.setBytes(3, sealed.wrappedKey());
            ps.setBytes(4, sealed.metadataCiphertext());
            ps.setBytes(5, sealed.mimeCiphertext());
            ps.setLong(6, mime.length);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        long entry;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mailbox_entry (account_id, content_id, folder, received_at)
                VALUES (?, ?, 'INBOX', now()) RETURNING id""")) {
            ps.setLong(1, account);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                entry = rs.getLong(1);
            }
        }
        SearchIndexQueue.enqueueEntriesOf(c, id);
        return entry;
    }
}
