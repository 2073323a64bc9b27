package org.sealpost.portal.audit;

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
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.portal.platform.BackgroundWorkers;
import org.sealpost.portal.platform.RecurringWorker;

/**
 * Links newly committed audit events into the chain every second (ADR 0014). Runs on every
 * node; the chain head's row lock lets one node at a time link and the others skip, so a node
 * that dies mid-batch only rolls its batch back and another takes over at its next pass. A pass
 * that ends in an {@link Error} does not stop the worker ({@link RecurringWorker}); it turns
 * readiness DOWN until a pass completes.
 */
@Singleton
@Startup
@DependsOn("StartupGate")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChainWorker {

    private static final Logger LOG = Logger.getLogger(AuditChainWorker.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private AuditChain chain;

    @Inject
    private BackgroundWorkers workers;

    private RecurringWorker worker;

    @PostConstruct
    void start() {
        worker = workers.start("audit-chain", scheduler, Duration.ofSeconds(1), Duration.ofSeconds(1), this::link);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    private void link() {
        try {
            while (chain.linkBatch() == AuditChainLinker.BATCH) {
                // a full batch: more is waiting (a burst of arrivals, or the rows of before V14)
            }
        } catch (RuntimeException e) {
            // The database may be away; the rows wait and the next pass retries. An Error goes on.
            LOG.log(
                    Level.WARNING,
                    "audit chain linking pass failed, retrying: " + e,
                    LOG.isLoggable(Level.FINE) ? e : null);
        }
    }
}
