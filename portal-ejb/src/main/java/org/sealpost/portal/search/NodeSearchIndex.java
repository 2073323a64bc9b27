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
 * <p>An index that is missing, cannot be opened (damaged, another key, another format) or was
 * built from another database (it records the id migration V5 gave the database) is replaced
 * by an empty one, and every mailbox entry is queued for indexing: a rebuild that the {@link
 * QueueDrain} does in the background, so start-up and readiness wait for one {@code INSERT ...
 * SELECT} of ids, never for the rebuild itself. The entries are queued before the new index is
 * created: a crash in between finds no index at the next start and queues again, and a crash
 * during the rebuild leaves the rest in the queue.
 */
final class NodeSearchIndex {

    private static final Logger LOG = Logger.getLogger(NodeSearchIndex.class.getName());
    /** Lucene's commit point: an index directory without one holds no usable index. */
    private static final String COMMIT_POINT_PREFIX = "segments_";
    /** Beside Lucene's files, which Lucene leaves alone (not a name of its codecs). */
    static final String DATABASE_ID_FILE = "sealpost-database-id";

    private NodeSearchIndex() {
    }

    /**
     * Opens the index in {@code directory}, or creates an empty one and queues every mailbox
     * entry for it when there is none, it cannot be opened, or it was built from another database.
     */
    static MessageIndex openOrRebuild(Path directory, byte[] key, DataSource dataSource) {
        String database = databaseId(dataSource);
        if (!hasIndex(directory)) {
            LOG.info(() -> "no search index in " + directory + ": rebuilding it from the database in the background");
            return fresh(directory, key, database, dataSource);
        }
        if (!database.equals(recordedDatabaseId(directory))) {
            LOG.info(() -> "the search index in " + directory + " was built from another database: rebuilding it"
                    + " in the background");
            return fresh(directory, key, database, dataSource);
        }
        try {
            return MessageIndexes.openLucene(directory, key);
        } catch (RuntimeException unusable) {
            if (lockedByAnother(unusable)) {
                // Never delete an index another process is writing: refuse instead.
                throw new IllegalStateException("the search index in " + directory + " is in use by another process;"
                        + " every Sealpost node needs its own data directory", unusable);
            }
            LOG.log(Level.WARNING, "the search index in " + directory + " cannot be used (" + unusable.getMessage()
                    + "): deleting it and rebuilding it from the database in the background");
            return fresh(directory, key, database, dataSource);
        }
    }

    private static MessageIndex fresh(Path directory, byte[] key, String database, DataSource dataSource) {
        int queued;
        try (Connection c = dataSource.getConnection()) {
            queued = SearchIndexQueue.enqueueEveryEntry(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue the mailbox entries for the search index rebuild: " + e, e);
        }
        LOG.info(() -> queued + " mailbox entries queued for the search index");
        deleteRecursively(directory);
        MessageIndex created = MessageIndexes.openLucene(directory, key);
        try {
            Files.writeString(directory.resolve(DATABASE_ID_FILE), database);
        } catch (IOException e) {
            created.close();
            throw new UncheckedIOException("cannot write " + directory.resolve(DATABASE_ID_FILE), e);
        }
        return created;
    }

    /** The id V5 gave this database: an index records it to know where it came from. */
    private static String databaseId(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT database_id FROM search_index_source"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("search_index_source is empty; it is filled by migration V5");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database id for the search index: " + e, e);
        }
    }

    private static String recordedDatabaseId(Path directory) {
        try {
            return Files.readString(directory.resolve(DATABASE_ID_FILE)).strip();
        } catch (IOException e) {
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
