package org.sealpost.portal.search;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.crypto.PortalKeys;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.MessageIndexes;

/**
 * The node's Lucene index, in {@code <data dir>/search/}, opened once with the key derived
 * from the keystore (ADR 0007).
 *
 * <p>A missing index, one that cannot be opened (damaged, another key, another format), is
 * replaced by an empty one and every mailbox entry is queued for indexing: a rebuild that the
 * {@link SearchIndexer} does in the background, so start-up and readiness wait only for one
 * {@code INSERT ... SELECT} of ids, never for the rebuild. So is an index built from another
 * database (it records the id migration V5 gave the database it came from). The entries are queued before the
 * new index is created: a crash in between finds no index at the next start and queues again,
 * and a crash during the rebuild leaves the rest in the queue.
 */
@Singleton
@Startup
@DependsOn({"StartupGate", "PortalKeys"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalSearchIndex {

    private static final Logger LOG = Logger.getLogger(PortalSearchIndex.class.getName());
    /** Lucene's commit point: an index directory without one holds no usable index. */
    private static final String COMMIT_POINT_PREFIX = "segments_";
    /** Beside Lucene's files, which Lucene leaves alone (not a name of its codecs). */
    static final String DATABASE_ID_FILE = "sealpost-database-id";

    @Inject
    private PortalSettings settings;

    @Inject
    private PortalKeys keys;

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    private volatile MessageIndex index;

    @PostConstruct
    void open() {
        Path directory = settings.dataDirectory().resolve("search");
        byte[] key = keys.searchIndexKey();
        try {
            String database = databaseId();
            if (!hasIndex(directory)) {
                LOG.info(() -> "no search index in " + directory + ": rebuilding it from the database in the background");
                index = fresh(directory, key, database);
                return;
            }
            if (!database.equals(recordedDatabaseId(directory))) {
                LOG.info(() -> "the search index in " + directory + " was built from another database: rebuilding it"
                        + " in the background");
                index = fresh(directory, key, database);
                return;
            }
            try {
                index = MessageIndexes.openLucene(directory, key);
            } catch (RuntimeException unusable) {
                LOG.log(Level.WARNING, "the search index in " + directory + " cannot be used (" + unusable.getMessage()
                        + "): deleting it and rebuilding it from the database in the background");
                index = fresh(directory, key, database);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @PreDestroy
    void close() {
        MessageIndex closing = index;
        index = null;
        if (closing != null) {
            closing.close();
        }
    }

    /** The open index; thread-safe. */
    public MessageIndex index() {
        MessageIndex open = index;
        if (open == null) {
            throw new IllegalStateException("the search index is closed");
        }
        return open;
    }

    private MessageIndex fresh(Path directory, byte[] key, String database) {
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
    private String databaseId() {
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
