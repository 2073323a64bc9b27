package org.sealpost.portal.search;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;

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
        StoredMessages.storeContent(c, id, sealed, mime.length, Instant.now());
        List<StoredMessages.EntryKey> entries = StoredMessages.deliverToInboxes(c, id, List.of(account), Instant.now());
        SearchIndexQueue.enqueueAll(c, entries);
        return entries.getFirst().entryId();
    }
}
