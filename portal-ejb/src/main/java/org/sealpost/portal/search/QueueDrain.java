package org.sealpost.portal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.SearchIndexQueue;
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

    /**
     * The content last read, with its id: the queue holds one row per recipient, written together
     * when the message arrived, so the entries of one message come one after another and their
     * content is decrypted and read once, not once per recipient. One, not a map: a message is
     * up to 25 MiB.
     */
    private UUID lastContentId;
    private SearchDocuments.Content lastContent;

    /** The entry's document as it is now; empty when the entry no longer exists (or cannot be read). */
    private Optional<IndexedMessage> document(Connection c, SearchIndexQueue.Item item) throws SQLException {
        UUID contentId;
        Folder folder;
        Instant receivedAt;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT folder, received_at, content_id FROM mailbox_entry WHERE id = ? AND account_id = ?""")) {
            ps.setLong(1, item.entryId());
            ps.setLong(2, item.accountId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                folder = Folder.valueOf(rs.getString(1));
                receivedAt = rs.getTimestamp(2).toInstant();
                contentId = rs.getObject(3, UUID.class);
            }
        }
        if (!contentId.equals(lastContentId)) {
            lastContent = null;
            lastContentId = null;
            Optional<SearchDocuments.Content> content = content(c, item, contentId);
            if (content.isEmpty()) {
                return Optional.empty();
            }
            lastContentId = contentId;
            lastContent = content.get();
        }
        return Optional.of(SearchDocuments.of(item.accountId(), item.entryId(), folder, receivedAt, lastContent));
    }

    private Optional<SearchDocuments.Content> content(Connection c, SearchIndexQueue.Item item, UUID contentId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kek_version, wrapped_key, mime_ciphertext, metadata_ciphertext
                FROM message_content WHERE id = ?""")) {
            ps.setObject(1, contentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SealedMessage sealed = new SealedMessage(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4));
                MessageMetadata metadata;
                byte[] mime;
                try {
                    metadata = MessageMetadata.decode(sealer.openMetadata(contentId, sealed));
                    mime = sealer.openMime(contentId, sealed);
                } catch (SealBrokenException | IllegalArgumentException e) {
                    // Not searchable, and retrying cannot help; the message page reports the damage.
                    LOG.warning(() -> "mailbox entry " + item.entryId() + " left out of the search index: "
                            + e.getMessage());
                    return Optional.empty();
                }
                try {
                    return Optional.of(SearchDocuments.content(metadata, mime));
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // One hostile body must not stop the indexer for every later message: this
                    // item's arrays are garbage once we leave, so going on is safe. The entry stays
                    // findable by its header fields.
                    LOG.log(Level.WARNING, "the body of mailbox entry " + item.entryId() + " could not be indexed ("
                            + e + "); it is indexed by its header fields only");
                    return Optional.of(SearchDocuments.Content.withoutBody(metadata));
                }
            }
        }
    }
}
