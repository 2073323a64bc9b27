package org.sealpost.portal.keys;

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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.portal.platform.BackgroundWorkers;

/**
 * Re-wraps data keys still wrapped by an older key-encryption key version, on every node,
 * every few seconds: after a rotation (from the admin page or {@code ./sealpost keys rotate})
 * this is what moves every stored key to the new version, and since what is left is counted
 * in the database, it resumes after any restart where it stopped. Batches claim their rows
 * with {@code SKIP LOCKED}, so nodes share the work; each is its own short transaction, and
 * the intake, which only inserts, never waits for one.
 */
@Singleton
@Startup
@DependsOn("PortalKeys")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DataKeyRewrapWorker {

    private static final Logger LOG = Logger.getLogger(DataKeyRewrapWorker.class.getName());

    /**
     * A thread of its own, not the server's default scheduled executor: that one runs the
     * search indexer and the outbound worker on a single thread, and while mail flows in both
     * drain their queues pass after pass, so a re-wrap scheduled beside them did not run at all
     * during a 23 s ingest in {@code ./sealpost bench rotate}. Managed, so the container knows
     * the thread and its context.
     */
    @Resource
    private ManagedThreadFactory threads;

    private ScheduledExecutorService scheduler;

    @Inject
    private KeyManagement keys;

    @Inject
    private BackgroundWorkers workers;

    private org.sealpost.portal.platform.RecurringWorker worker;

    @PostConstruct
    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        worker = workers.start("kek-rewrap", scheduler, Duration.ofSeconds(5), Duration.ofSeconds(3), this::pass);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void pass() {
        try {
            if (keys.rewrapState() != KeyLifecycle.RewrapState.DUE) {
                return;
            }
            long total = 0;
            WrappedDataKeys.Batch batch;
            do {
                batch = keys.rewrapBatch();
                total += batch.rewrapped();
            } while (batch.rewrapped() > 0);
            long done = total;
            if (done > 0) {
                LOG.info(() -> "re-wrapped " + done + " data keys to the current key-encryption key");
            }
        } catch (Exception e) {
            // The database may be away; what is left is counted again on the next pass.
            LOG.log(Level.WARNING, "re-wrap pass failed, retrying: " + e, LOG.isLoggable(Level.FINE) ? e : null);
        }
    }
}
