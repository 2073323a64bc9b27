package org.sealpost.portal.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.portal.platform.BackgroundWorkers;
import org.sealpost.portal.platform.RecurringWorker;

/**
 * Drains the outbound queue every two seconds, and at once when mail was queued, so a
 * notification or a reply leaves within about a second. One pass at a time on a node: a wake
 * that comes while a pass runs makes that pass look once more before it ends (never lost, never
 * a second pass beside it), so one SMTP session ({@link SmarthostConnection}) carries all the
 * mail of a pass instead of a connection per mail. Other nodes are kept apart by the row locks.
 * A pass that ends in an {@link Error} does not stop the worker ({@link RecurringWorker}); it
 * turns readiness DOWN until a pass completes.
 */
@Singleton
@Startup
@DependsOn("StartupGate")
public class OutboundWorker {

    private static final Logger LOG = Logger.getLogger(OutboundWorker.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private OutboundDelivery delivery;

    @Inject
    private OutboundSettings settings;

    @Inject
    private BackgroundWorkers workers;

    private final PassGate gate = new PassGate();

    private RecurringWorker worker;

    @PostConstruct
    void start() {
        worker = workers.start(
                "outbound", scheduler, Duration.ofSeconds(2), Duration.ofSeconds(2), () -> gate.pass(this::drain));
    }

    /**
     * Mail was queued and its transaction committed: drain now instead of at the next tick, so
     * a reply reaches the smarthost within about a second. Only after success: a rolled-back
     * send queued nothing. Other nodes still find the rows on their next pass.
     */
    public void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        if (gate.request()) {
            scheduler.execute(() -> gate.pass(this::drain));
        }
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    private void drain() {
        try (SmarthostConnection smtp = settings.transport().connection()) {
            while (delivery.deliverNext(smtp)) {
                // one recipient delivered (or postponed); more may be due
            }
        } catch (Exception e) {
            // The database may be away; the next pass tries again. An Error goes on to RecurringWorker.
            LOG.log(Level.WARNING, "outbound pass failed: " + OutboundDesk.describe(e));
        }
    }
}
