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
import java.util.Optional;
import java.util.logging.Logger;
import org.sealpost.portal.outbound.OutboundSettings;
import org.sealpost.portal.outbound.SmarthostTransport;
import org.sealpost.portal.platform.BackgroundWorkers;
import org.sealpost.portal.platform.RecurringWorker;

/**
 * Every few seconds: follows the imported smarthost trust anchors (a change reaches this node's
 * next outbound pass), and stores the TLS protocol and cipher suite of this node's last
 * smarthost handshake for the certificate page.
 */
@Singleton
@Startup
@DependsOn("StartupGate")
public class SmarthostTrustWatch {

    private static final Logger LOG = Logger.getLogger(SmarthostTrustWatch.class.getName());

    static final Duration INTERVAL = Duration.ofSeconds(5);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private SmarthostTrustService trust;

    @Inject
    private OutboundSettings outbound;

    @Inject
    private BackgroundWorkers workers;

    private RecurringWorker worker;
    private String followedVersion;
    private SmarthostTransport.Handshake recorded;

    @PostConstruct
    void start() {
        worker = workers.start("smarthost-trust", scheduler, Duration.ZERO, INTERVAL, this::look);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    private synchronized void look() {
        String version = trust.version();
        if (!version.equals(followedVersion)) {
            Optional<java.security.KeyStore> anchors = trust.trustStore();
            outbound.trustAnchors(anchors);
            if (followedVersion != null) {
                LOG.info(() -> anchors.isPresent()
                        ? "smarthost connections now trust the imported anchors"
                        : "smarthost connections trust the configured trust store again");
            }
            followedVersion = version;
        }
        Optional<SmarthostTransport.Handshake> last = outbound.transport().lastHandshake();
        if (last.isPresent() && !last.get().equals(recorded)) {
            SmarthostTransport.Handshake h = last.get();
            trust.recordSession(
                    new SmarthostTlsSessions.SessionSeen(h.protocol(), h.cipherSuite(), h.peerSubject(), h.at()));
            recorded = h;
        }
    }
}
