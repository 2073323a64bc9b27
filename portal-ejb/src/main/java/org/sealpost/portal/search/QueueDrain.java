package org.sealpost.portal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.mime.MessageMetadata;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.MessageIndex;

/**
 * One batch of the {@link SearchIndexQueue}: for each queued entry read as it is now, decrypt,
 * extract the text, index it (or remove it when the entry is gone), then commit Lucene, and
 * only then delete the queue rows. A crash before the Lucene commit leaves the rows queued and
 * the work is redone after the restart; redoing is harmless, as indexing an entry replaces its
 * document. No transaction: each statement commits on its own, and the order (Lucene commit,
 * then delete) is what makes it safe.
 */
final class QueueDrain {

    /** Small: a message can be 25 MB, and each one is decrypted whole. */
    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(QueueDrain.class.getName());

    private final DataSource dataSource;
    private final MessageIndex index;
    private final MessageSealer sealer;

    QueueDrain(DataSource dataSource, MessageIndex index, MessageSealer sealer) {
        this.dataSource = dataSource;
        this.index = index;
        this.sealer = sealer;
    }

    /** @return how many queue rows were handled */
    int indexBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<SearchIndexQueue.Item> items = SearchIndexQueue.oldest(c, BATCH);
            if (items.isEmpty()) {
                return 0;
            }
            Set<Long> done = new HashSet<>();
            for (SearchIndexQueue.Item item : items) {
                if (done.add(item.entryId())) {
                    Optional<IndexedMessage> document = document(c, item);
                    if (document.isPresent()) {
                        index.index(document.get());
                    } else {
                        index.delete(item.accountId(), Long.toString(item.entryId()));
                    }
                }
            }
            index.commit();
            SearchIndexQueue.remove(c, items);
            return items.size();
        }
    }

    /** The entry's document as it is now; empty when the entry no longer exists (or cannot be read). */
    private Optional<IndexedMessage> document(Connection c, SearchIndexQueue.Item item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT e.folder, e.received_at, m.id, m.kek_version, m.wrapped_key, m.mime_ciphertext,
                       m.metadata_ciphertext
                FROM mailbox_entry e JOIN message_content m ON m.id = e.content_id
                WHERE e.id = ? AND e.account_id = ?""")) {
            ps.setLong(1, item.entryId());
            ps.setLong(2, item.accountId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID contentId = rs.getObject(3, UUID.class);
                SealedMessage sealed = new SealedMessage(rs.getInt(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7));
                try {
                    MessageMetadata metadata = MessageMetadata.decode(sealer.openMetadata(contentId, sealed));
                    byte[] mime = sealer.openMime(contentId, sealed);
                    return Optional.of(SearchDocuments.of(item.accountId(), item.entryId(),
                            Folder.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(), metadata, mime));
                } catch (SealBrokenException | IllegalArgumentException e) {
                    // Not searchable, and retrying cannot help; the message page reports the damage.
                    LOG.warning(() -> "mailbox entry " + item.entryId() + " left out of the search index: "
                            + e.getMessage());
                    return Optional.empty();
                }
            }
        }
    }
}
