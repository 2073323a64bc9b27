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
 * {@code INSERT ... SELECT} of ids, never for the rebuild. The entries are queued before the
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
            if (!hasIndex(directory)) {
                LOG.info(() -> "no search index in " + directory + ": rebuilding it from the database in the background");
                index = fresh(directory, key);
                return;
            }
            try {
                index = MessageIndexes.openLucene(directory, key);
            } catch (RuntimeException unusable) {
                LOG.log(Level.WARNING, "the search index in " + directory + " cannot be used (" + unusable.getMessage()
                        + "): deleting it and rebuilding it from the database in the background");
                index = fresh(directory, key);
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

    private MessageIndex fresh(Path directory, byte[] key) {
        int queued;
        try (Connection c = dataSource.getConnection()) {
            queued = SearchIndexQueue.enqueueEveryEntry(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue the mailbox entries for the search index rebuild: " + e, e);
        }
        LOG.info(() -> queued + " mailbox entries queued for the search index");
        deleteRecursively(directory);
        return MessageIndexes.openLucene(directory, key);
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
