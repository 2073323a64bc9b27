package org.sealpost.portal.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.SearchIndexQueue.Position;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.MessageIndex;

/**
 * One pass of this node's index over the {@link SearchIndexQueue} (ADR 0017): the queue is
 * shared and every node reads all of it from its own position, so every index takes in every
 * change. A pass
 * <ol>
 * <li>takes in the final rows after the node's position: those before the horizon, whose
 * transactions have all ended, in (transaction, id) order, so a row whose id is older than one
 * already seen but whose transaction committed later is not skipped, and an id that was
 * rolled back is no gap to wait for;
 * <li>while the index is being rebuilt, takes in the next mailbox entries by id;
 * <li>takes in early the rows committed beyond the horizon, so a long transaction elsewhere on
 * the server does not hold search back; the position does not move past them, and they are
 * not taken in again when it does (remembered in memory: after a restart they are simply
 * taken in once more);
 * <li>commits Lucene, and only then records the new position (and that the node is alive).
 * </ol>
 * For each row the entry is read as it is now, decrypted, reduced to text and indexed (or
 * removed when it is gone), which replaces its document: taking a row in twice is harmless,
 * and a crash before the Lucene commit only means the work is done again. No transaction: each
 * statement commits on its own, and the order (Lucene commit, then position) is what makes it
 * safe. One drain per index, used by one thread.
 */
final class QueueDrain {

    /** Small: a message can be 25 MB, and each one is decrypted whole. */
    static final int BATCH = 50;
    /**
     * Mailbox entries one pass of a rebuild reads. Entries are decrypted and indexed one at a
     * time whatever the batch, so it does not bound memory; it sets how often Lucene commits
     * (each commit writes and fsyncs a segment) and the position is recorded. At 50 a rebuild of
     * a million entries made 20,000 commits of tiny segments for the merges to rewrite; a crash
     * now redoes at most this many entries, a few seconds' work.
     */
    static final int REBUILD_BATCH = 1_000;
    /** How many committed rows beyond the horizon one pass looks at. */
    static final int EARLY_WINDOW = 5_000;

    private static final Logger LOG = Logger.getLogger(QueueDrain.class.getName());

    private final DataSource dataSource;
    private final MessageIndex index;
    private final MessageSealer sealer;
    private final UUID indexId;
    private final String nodeName;
    /** Rows taken in (and committed to Lucene) beyond the position, by id. */
    private final Map<Long, Position> takenEarly = new HashMap<>();

    QueueDrain(DataSource dataSource, MessageIndex index, MessageSealer sealer, UUID indexId, String nodeName) {
        this.dataSource = dataSource;
        this.index = index;
        this.sealer = sealer;
        this.indexId = indexId;
        this.nodeName = nodeName;
    }

    /** What one pass did: how many entries it (re)indexed, and whether more work is waiting. */
    record Pass(int indexed, boolean more) {}

    /** Passes until nothing more is waiting: every change committed before the call is in the index. */
    int catchUp() throws SQLException {
        int indexed = 0;
        Pass pass;
        do {
            pass = indexBatch();
            indexed += pass.indexed();
        } while (pass.more());
        return indexed;
    }

    Pass indexBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<IndexFollowers.Follower> follower = IndexFollowers.find(c, indexId);
            if (follower.isEmpty()) {
                // Forgotten while running (the node could not record its progress for longer
                // than the forget-after period): rows it had not passed may be gone, so it reads
                // every entry again. Documents of entries deleted meanwhile may stay in the
                // index; MessageSearch looks every hit up again, so they are never shown.
                LOG.warning(() -> "this node's search index " + indexId + " was forgotten by the database;"
                        + " rebuilding it from the mailbox entries");
                takenEarly.clear();
                IndexFollowers.registerForRebuild(c, indexId, nodeName);
                return new Pass(0, true);
            }
            Position through = follower.get().through();
            Optional<Long> rebuiltThrough = follower.get().rebuiltThroughEntry();
            Set<Long> done = new HashSet<>();
            int indexed = 0;

            long horizon = SearchIndexQueue.horizon(c);
            List<SearchIndexQueue.Item> settled = SearchIndexQueue.settledAfter(c, through, horizon, BATCH);
            // Read before any entry is: every row of this pass committed before its entry is read.
            List<SearchIndexQueue.Item> beyond = SearchIndexQueue.committedFrom(c, horizon, EARLY_WINDOW);
            boolean more = settled.size() == BATCH;
            for (SearchIndexQueue.Item item : settled) {
                if (takenEarly.remove(item.id()) == null) {
                    indexed += take(c, item.accountId(), item.entryId(), done);
                }
            }
            Position newThrough = more ? settled.getLast().position() : Position.before(horizon);

            if (rebuiltThrough.isPresent()) {
                List<StoredMessages.EntryKey> keys = StoredMessages.keysAfter(c, rebuiltThrough.get(), REBUILD_BATCH);
                for (StoredMessages.EntryKey key : keys) {
                    indexed += take(c, key.accountId(), key.entryId(), done);
                }
                if (keys.size() == REBUILD_BATCH) {
                    more = true;
                    rebuiltThrough = Optional.of(keys.getLast().entryId());
                } else {
                    rebuiltThrough = Optional.empty();
                    LOG.info(() -> "search index " + indexId + " rebuilt from the mailbox entries");
                }
            }

            List<SearchIndexQueue.Item> early = new ArrayList<>();
            for (SearchIndexQueue.Item item : beyond) {
                if (!takenEarly.containsKey(item.id()) && item.position().compareTo(newThrough) > 0) {
                    if (early.size() == BATCH) {
                        more = true;
                        break;
                    }
                    indexed += take(c, item.accountId(), item.entryId(), done);
                    early.add(item);
                }
            }
            lastContent = null;
            lastContentId = null;

            index.commit();
            for (SearchIndexQueue.Item item : early) {
                takenEarly.put(item.id(), item.position());
            }
            takenEarly.values().removeIf(p -> p.compareTo(newThrough) <= 0);
            if (!IndexFollowers.advance(c, indexId, newThrough, rebuiltThrough)) {
                more = true; // forgotten meanwhile: the next pass registers it again
            }
            return new Pass(indexed, more);
        }
    }

    /** Makes the index match the entry as it is now; 1 if it was (re)indexed or removed, 0 if done this pass. */
    private int take(Connection c, long accountId, long entryId, Set<Long> done) throws SQLException {
        if (!done.add(entryId)) {
            return 0;
        }
        Optional<IndexedMessage> document = document(c, accountId, entryId);
        if (document.isPresent()) {
            index.index(document.get());
        } else {
            index.delete(accountId, Long.toString(entryId));
        }
        return 1;
    }

    /**
     * The content last read in this pass, with its id: the queue holds one row per recipient,
     * written together when the message arrived, so the entries of one message come one after
     * another and their content is decrypted and read once, not once per recipient. One, not a
     * map: a message is up to 25 MiB; and dropped at the end of the pass.
     */
    private UUID lastContentId;

    private SearchDocuments.Content lastContent;

    /** The entry's document as it is now; empty when the entry no longer exists (or cannot be read). */
    private Optional<IndexedMessage> document(Connection c, long accountId, long entryId) {
        Optional<StoredMessages.IndexedEntry> entry = StoredMessages.indexed(c, accountId, entryId);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        UUID contentId = entry.get().contentId();
        if (!contentId.equals(lastContentId)) {
            lastContent = null;
            lastContentId = null;
            Optional<SearchDocuments.Content> content = content(c, entryId, contentId);
            if (content.isEmpty()) {
                return Optional.empty();
            }
            lastContentId = contentId;
            lastContent = content.get();
        }
        return Optional.of(SearchDocuments.of(
                accountId, entryId, entry.get().folder(), entry.get().receivedAt(), lastContent));
    }

    private Optional<SearchDocuments.Content> content(Connection c, long entryId, UUID contentId) {
        Optional<StoredMessages.Opened> opened;
        try {
            opened = StoredMessages.open(c, sealer, contentId);
        } catch (SealBrokenException e) {
            // Not searchable, and retrying cannot help; the message page reports the damage.
            LOG.warning(() -> "mailbox entry " + entryId + " left out of the search index: " + e.getMessage());
            return Optional.empty();
        }
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        MessageMetadata metadata = opened.get().metadata();
        try {
            return Optional.of(SearchDocuments.content(metadata, opened.get().mime()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // One hostile body must not stop the indexer for every later message: this
            // item's arrays are garbage once we leave, so going on is safe. The entry stays
            // findable by its header fields.
            LOG.log(
                    Level.WARNING,
                    "the body of mailbox entry " + entryId + " could not be indexed (" + e
                            + "); it is indexed by its header fields only");
            return Optional.of(SearchDocuments.Content.withoutBody(metadata));
        }
    }
}
