package org.sealpost.portal.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.platform.BackgroundWorkers;
import org.sealpost.portal.platform.RecurringWorker;

/**
 * Looks every hour whether the bridge's certificate expires within 30 days; the database
 * decides which node sends the day's reminder (bridge_certificate.expiry_notice_on), so a
 * cluster sends one a day, not one per node. An hourly look means the first reminder comes
 * within an hour of entering the window, and a node that was down at midnight misses nothing.
 */
@Singleton
@Startup
@DependsOn("StartupGate")
public class CertificateExpiryWatch {

    private static final Logger LOG = Logger.getLogger(CertificateExpiryWatch.class.getName());

    static final Duration INTERVAL = Duration.ofHours(1);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private BridgeCertificateService certificates;

    @Inject
    private PortalSettings settings;

    @Inject
    private BackgroundWorkers workers;

    private RecurringWorker worker;

    @PostConstruct
    void start() {
        worker = workers.start("certificate-expiry", scheduler, Duration.ofMinutes(1), INTERVAL, this::look);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    private void look() throws Exception {
        // "Today" where the administrators read the mail, so the reminder turns over at their midnight.
        int queued = certificates.remindAdministratorsOfExpiry(LocalDate.now(settings.displayZone()));
        if (queued > 0) {
            LOG.warning(() -> "the bridge certificate expires in "
                    + certificates.daysLeft().orElse(0L) + " days; reminded " + queued + " administrator(s) by mail");
        }
    }
}
