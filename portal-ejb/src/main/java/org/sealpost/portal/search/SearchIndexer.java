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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.platform.BackgroundWorkers;
import org.sealpost.portal.platform.RecurringWorker;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * Drains the search index queue every second ({@link QueueDrain}), so a message is searchable
 * about a second after its {@code 250}. One thread on one node, with a fixed delay, so passes
 * never overlap and a rebuild (which is just a long queue) is interleaved with fresh arrivals
 * in queue order. A pass that ends in an {@link Error} does not stop the indexer
 * ({@link RecurringWorker}); it turns readiness DOWN until a pass completes.
 */
@Singleton
@Startup
@DependsOn("PortalSearchIndex")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private PortalSearchIndex searchIndex;

    @Inject
    private MessageSealer sealer;

    @Inject
    private BackgroundWorkers workers;

    private RecurringWorker worker;

    @PostConstruct
    void start() {
        worker = workers.start("search-index", scheduler, Duration.ofSeconds(1), Duration.ofSeconds(1), this::drain);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /**
     * Drains batch after batch while batches come back full, reporting the progress of a long
     * run (a rebuild) through {@code report}; also what the rebuild benchmark times.
     *
     * @return the rows handled
     */
    static long drainAll(QueueDrain drain, long queued, Consumer<String> report) throws SQLException {
        IndexingProgress progress = IndexingProgress.startingWith(queued);
        int handled;
        do {
            // a full batch: more is waiting (a rebuild, a burst of arrivals)
            handled = drain.indexBatch();
            progress.advance(handled).ifPresent(report);
        } while (handled == QueueDrain.BATCH);
        if (progress.done() >= IndexingProgress.EVERY_ROWS) {
            report.accept(progress.summary());
        }
        return progress.done();
    }

    /** The rows waiting, so that a long run (a rebuild) can report its progress. */
    private long queued() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SearchIndexQueue.size(c);
        }
    }

    private void drain() {
        try {
            drainAll(new QueueDrain(dataSource, searchIndex.index(), sealer), queued(), LOG::info);
        } catch (Exception e) {
            // The database may be away or the disk full; the rows stay, the next pass retries.
            // An Error goes on to RecurringWorker.
            LOG.log(Level.WARNING, "search indexing pass failed, retrying: " + e, LOG.isLoggable(Level.FINE) ? e : null);
        }
    }
}
