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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbound queue every two seconds, so a notification leaves within seconds of
 * the message's arrival. Fixed delay, not fixed rate: passes never overlap on one node, and
 * other nodes are kept apart by the row locks.
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

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::drain, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * Mail was queued and its transaction committed: drain now instead of at the next tick, so
     * a reply reaches the smarthost within about a second. Only after success: a rolled-back
     * send queued nothing. Other nodes still find the rows on their next pass.
     */
    public void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        scheduler.execute(this::drain);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void drain() {
        try {
            while (delivery.deliverNext()) {
                // one recipient delivered (or postponed); more may be due
            }
        } catch (Exception e) {
            // The database may be away; the next pass tries again.
            LOG.log(Level.WARNING, "outbound pass failed: " + OutboundDelivery.describe(e));
        }
    }
}
