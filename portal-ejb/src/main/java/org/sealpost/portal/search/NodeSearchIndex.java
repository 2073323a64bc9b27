package org.sealpost.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.lucene.store.LockObtainFailedException;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.MessageIndexes;

/**
 * Opening the node's Lucene index, or replacing it.
 *
 * <p>Each index directory records an id of its own, under which it follows the shared queue
 * ({@link IndexFollowers}, ADR 0017). An index that is missing, cannot be opened (damaged,
 * another key, another format), was built from another database (it records the id migration
 * V5 gave the database), has no id (built before V17), was forgotten by the database (its
 * node was away longer than the forget-after period, so rows it needed may be gone) or whose
 * position lies beyond the server's transaction ids (a database restored from a dump) is replaced
 * by an empty one and registered to be rebuilt: the {@link QueueDrain} then reads every mailbox
 * entry in the background and follows the queue from the horizon of the registration, so
 * start-up and readiness never wait for the rebuild. The new index is created before it is
 * registered: a crash in between leaves an index the database does not know, which the next
 * start replaces again, never a registration without an index that would hold the queue.
 */
final class NodeSearchIndex {

    private static final Logger LOG = Logger.getLogger(NodeSearchIndex.class.getName());
    /** Lucene's commit point: an index directory without one holds no usable index. */
    private static final String COMMIT_POINT_PREFIX = "segments_";
    /** Beside Lucene's files, which Lucene leaves alone (not a name of its codecs). */
    static final String DATABASE_ID_FILE = "sealpost-database-id";
    /** The index's own id, its key in {@code search_index_follower}. */
    static final String INDEX_ID_FILE = "sealpost-index-id";

    private NodeSearchIndex() {}

    /** An open index and the id it follows the queue under. */
    record Opened(MessageIndex index, UUID id) {}

    /**
     * Opens the index in {@code directory}, or creates an empty one registered for a rebuild
     * when there is none, it cannot be opened, it was built from another database or the
     * database no longer follows it.
     */
    static Opened openOrRebuild(Path directory, byte[] key, DataSource dataSource, String nodeName) {
        String database = databaseId(dataSource);
        if (!hasIndex(directory)) {
            LOG.info(() -> "no search index in " + directory + ": rebuilding it from the database in the background");
            return fresh(directory, key, database, dataSource, nodeName);
        }
        if (!database.equals(recorded(directory, DATABASE_ID_FILE))) {
            LOG.info(() -> "the search index in " + directory + " was built from another database: rebuilding it"
                    + " in the background");
            return fresh(directory, key, database, dataSource, nodeName);
        }
        UUID id = indexId(directory);
        if (id == null) {
            LOG.info(() -> "the search index in " + directory + " has no id (it was built before every node"
                    + " followed the queue): rebuilding it in the background");
            return fresh(directory, key, database, dataSource, nodeName);
        }
        MessageIndex opened;
        try {
            opened = MessageIndexes.openLucene(directory, key);
        } catch (RuntimeException unusable) {
            if (lockedByAnother(unusable)) {
                // Never delete an index another process is writing: refuse instead.
                throw new IllegalStateException(
                        "the search index in " + directory + " is in use by another process;"
                                + " every Sealpost node needs its own data directory",
                        unusable);
            }
            LOG.log(
                    Level.WARNING,
                    "the search index in " + directory + " cannot be used (" + unusable.getMessage()
                            + "): deleting it and rebuilding it from the database in the background");
            return fresh(directory, key, database, dataSource, nodeName);
        }
        boolean followed;
        try (Connection c = dataSource.getConnection()) {
            long next = SearchIndexQueue.nextTransaction(c);
            followed = IndexFollowers.find(c, id)
                    .filter(f -> Long.compareUnsigned(f.through().tx(), next) <= 0)
                    .isPresent();
        } catch (SQLException e) {
            opened.close();
            throw new IllegalStateException("cannot read the search index's position in the queue: " + e, e);
        }
        if (!followed) {
            opened.close();
            LOG.info(() -> "the search index in " + directory + " was forgotten (its node was away too long, it was"
                    + " never registered, or its position comes from another server's transaction history, as after a"
                    + " restore from a dump): rebuilding it in the background");
            return fresh(directory, key, database, dataSource, nodeName);
        }
        return new Opened(opened, id);
    }

    private static Opened fresh(Path directory, byte[] key, String database, DataSource dataSource, String nodeName) {
        deleteRecursively(directory);
        UUID id = UUID.randomUUID();
        MessageIndex created = MessageIndexes.openLucene(directory, key);
        try {
            Files.writeString(directory.resolve(DATABASE_ID_FILE), database);
            Files.writeString(directory.resolve(INDEX_ID_FILE), id.toString());
        } catch (IOException e) {
            created.close();
            throw new UncheckedIOException("cannot write the ids of the search index in " + directory, e);
        }
        try (Connection c = dataSource.getConnection()) {
            IndexFollowers.registerForRebuild(c, id, nodeName);
        } catch (SQLException e) {
            created.close();
            throw new IllegalStateException("cannot register the search index for its rebuild: " + e, e);
        }
        return new Opened(created, id);
    }

    /** The id V5 gave this database: an index records it to know where it came from. */
    private static String databaseId(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT database_id FROM search_index_source");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("search_index_source is empty; it is filled by migration V5");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database id for the search index: " + e, e);
        }
    }

    private static String recorded(Path directory, String file) {
        try {
            return Files.readString(directory.resolve(file)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static UUID indexId(Path directory) {
        String recorded = recorded(directory, INDEX_ID_FILE);
        try {
            return recorded == null ? null : UUID.fromString(recorded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean lockedByAnother(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LockObtainFailedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIndex(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(COMMIT_POINT_PREFIX));
        } catch (IOException e) {
            return false; // unreadable: treated as lost, and rebuilt
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unusable search index " + directory, e);
        }
    }
}
