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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * Drains the search index queue every second ({@link QueueDrain}), so a message is searchable
 * about a second after its {@code 250}. One thread on one node, with a fixed delay, so passes
 * never overlap and a rebuild (which is just a long queue) is interleaved with fresh arrivals
 * in queue order.
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

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void drain() {
        try {
            QueueDrain drain = new QueueDrain(dataSource, searchIndex.index(), sealer);
            while (drain.indexBatch() == QueueDrain.BATCH) {
                // a full batch: more is waiting (a rebuild, a burst of arrivals)
            }
        } catch (Exception e) {
            // The database may be away or the disk full; the rows stay, the next pass retries.
            LOG.log(Level.WARNING, "search indexing pass failed, retrying: " + e, LOG.isLoggable(Level.FINE) ? e : null);
        }
    }
}
