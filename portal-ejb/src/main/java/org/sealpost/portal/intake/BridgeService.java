package org.sealpost.portal.intake;

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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.bridge.BridgeAdmission;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.bridge.MailBridge;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.account.ReservedDomains;
import org.sealpost.portal.certificate.BridgeCertificateDesk;
import org.sealpost.portal.certificate.BridgeCertificateService;
import org.sealpost.portal.certificate.CertificateRefusedException;
import org.sealpost.portal.certificate.ServedCertificate;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.meters.PortalMeters;
import org.sealpost.portal.platform.BackgroundWorkers;
import org.sealpost.portal.platform.RecurringWorker;
import org.sealpost.portal.settings.RuntimeSettingsChanged;
import org.sealpost.portal.settings.RuntimeSettingsService;

/**
 * Starts the mail bridge once the schema is migrated and the keys are open, and stops it
 * first when the portal undeploys, so no message is accepted that could not be stored. Serves
 * the certificate kept in the database and follows changes to it without a restart (ADR 0011).
 */
@Singleton
@Startup
@DependsOn({"StartupGate", "PortalKeys"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BridgeService {

    private static final Logger LOG = Logger.getLogger(BridgeService.class.getName());

    /** How soon a certificate changed anywhere reaches this node's new connections. */
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(3);

    /** How stale another node's change of the allow-list or flag may be here, at most. */
    static final long ADMISSION_REFRESH_SECONDS = 5;

    @Inject
    private PortalSettings settings;

    @Inject
    private MessageIntake intake;

    @Inject
    private BridgeCertificateService certificateService;

    @Inject
    private BackgroundWorkers workers;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private volatile MailBridge bridge;
    private volatile ServedCertificate served;
    private RecurringWorker reload;

    @Inject
    private RuntimeSettingsService runtimeSettings;

    /**
     * The allow-list and encrypt flag the bridge asks for at every connection and message: read
     * from the database at start, after every change made on this node, and every few seconds
     * for changes made on another. The SMTP threads never query the database themselves.
     */
    private final AtomicReference<BridgeAdmission> admission = new AtomicReference<>();

    private volatile ScheduledFuture<?> refresher;

    @PostConstruct
    void start() {
        admission.set(runtimeSettings.current().bridgeRules().admission());
        refresher = scheduler.scheduleWithFixedDelay(
                this::refreshAdmission, ADMISSION_REFRESH_SECONDS, ADMISSION_REFRESH_SECONDS, TimeUnit.SECONDS);
        BridgeSettings bridgeSettings = bridgeSettings();
        bridge = MailBridge.start(bridgeSettings, intake, PortalMeters.BRIDGE);
        LOG.info(() -> "mail bridge listening on " + bridgeSettings.bindAddress() + ":" + bridge.port()
                + " (STARTTLS required; certificate SHA-256 " + certificates().sha256Fingerprint() + ")");
        // Every node polls the table: a certificate changed on the admin page of another node,
        // or by ./sealpost cert, reaches this node's new connections within RELOAD_INTERVAL.
        reload =
                workers.start("bridge-certificate", scheduler, RELOAD_INTERVAL, RELOAD_INTERVAL, this::reloadIfChanged);
    }

    /** A change saved on this node applies to the next connection at once. */
    public void settingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RuntimeSettingsChanged changed) {
        refreshAdmission();
    }

    private void refreshAdmission() {
        try {
            admission.set(runtimeSettings.current().bridgeRules().admission());
        } catch (RuntimeException e) {
            // The database may be away: the bridge keeps the rules it has.
            LOG.log(
                    Level.WARNING,
                    "the mail bridge's allow-list and flag cannot be refreshed now; the last ones stay",
                    e);
        }
    }

    @PreDestroy
    void stop() {
        if (reload != null) {
            reload.stop();
        }
        ScheduledFuture<?> r = refresher;
        if (r != null) {
            r.cancel(false);
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    /**
     * One poll: a single-row index lookup. Only when the CURRENT row is another than the one
     * served is the key unsealed and handed to the bridge; connections already encrypted keep
     * the old key until they end (BridgeKeyMaterial).
     */
    void reloadIfChanged() throws CertificateRefusedException {
        served.follow(certificateService.currentId(), certificateService::servedKey)
                .ifPresent(key -> LOG.info(() -> "mail bridge: new connections now get certificate SHA-256 "
                        + key.material().sha256Fingerprint()));
    }

    public boolean listening() {
        MailBridge b = bridge;
        return b != null && b.isRunning();
    }

    public int port() {
        return bridge.port();
    }

    /** The key and certificate new connections get now. */
    public BridgeCertificates certificates() {
        return served.material().certificates();
    }

    /**
     * The stored certificate; on the first start with an empty table the one the bridge used
     * before certificates moved into the database (SEALPOST_SMTP_KEYSTORE, else the generated one
     * in the data directory) is stored first, so the gateway sees the same certificate as before.
     */
    private BridgeCertificateDesk.ServedKey servedKey(String hostName) {
        try {
            if (certificateService.currentId().isEmpty()) {
                try {
                    if (certificateService.adopt(existingCertificate(hostName), "system")) {
                        LOG.info("mail bridge: its certificate is now kept in the database (bridge_certificate)");
                    }
                } catch (RuntimeException raced) {
                    // Another node adopted its own at the same moment and committed first; that one serves.
                    LOG.info(() -> "mail bridge: another node stored the first certificate: " + raced);
                }
            }
            return certificateService
                    .servedKey()
                    .orElseThrow(() ->
                            new IllegalStateException("the bridge certificate could not be stored in the database"));
        } catch (CertificateRefusedException e) {
            throw new IllegalStateException("the bridge certificate cannot be opened: " + e.getMessage(), e);
        }
    }

    private BridgeCertificates existingCertificate(String hostName) {
        return settings.get(Setting.SMTP_KEYSTORE)
                .map(file -> BridgeCertificates.fromPkcs12(
                        Path.of(file),
                        settings.get(Setting.SMTP_KEYSTORE_PASSWORD)
                                .orElseThrow(() -> new InvalidSettingException(
                                        Setting.SMTP_KEYSTORE_PASSWORD,
                                        "is required when " + Setting.SMTP_KEYSTORE.environmentVariable() + " is set"))
                                .toCharArray()))
                .orElseGet(() -> BridgeCertificates.loadOrGenerate(settings.dataDirectory(), hostName));
    }

    private BridgeSettings bridgeSettings() {
        String hostName = settings.get(Setting.SMTP_HOSTNAME).orElse("localhost");
        boolean clientCertificates = settings.flag(Setting.SMTP_REQUIRE_CLIENT_CERT, false);
        served = new ServedCertificate(servedKey(hostName), clientCertificates ? clientTrustStore() : null);

        BridgeSettings.Builder b = BridgeSettings.builder()
                .bindAddress(settings.get(Setting.SMTP_BIND).orElse("127.0.0.1"))
                .port(settings.integer(Setting.SMTP_PORT, 2525))
                .hostName(hostName)
                .maxMessageBytes(settings.longValue(Setting.SMTP_MAX_BYTES, BridgeSettings.DEFAULT_MAX_MESSAGE_BYTES))
                .maxRecipients(settings.integer(Setting.SMTP_MAX_RECIPIENTS, BridgeSettings.DEFAULT_MAX_RECIPIENTS))
                .maxConnections(settings.integer(Setting.SMTP_MAX_CONNECTIONS, BridgeSettings.DEFAULT_MAX_CONNECTIONS))
                // Allow-list and encrypt flag: the runtime settings, asked per connection and message.
                .admission(admission::get)
                .internalDomains(new HashSet<>(settings.list(Setting.INTERNAL_DOMAINS, List.of()).stream()
                        .map(d -> d.toLowerCase(Locale.ROOT))
                        .toList()))
                // The warm-up's reader lives there and is deleted with its messages: refuse at RCPT.
                .reservedDomains(ReservedDomains.ALL)
                .keyMaterial(served.material())
                .requireClientCertificate(clientCertificates);
        return b.build();
    }

    private KeyStore clientTrustStore() {
        Path file = Path.of(settings.get(Setting.SMTP_CLIENT_TRUSTSTORE)
                .orElseThrow(() -> new InvalidSettingException(
                        Setting.SMTP_CLIENT_TRUSTSTORE, "is required when client certificates are required")));
        char[] password =
                settings.get(Setting.SMTP_CLIENT_TRUSTSTORE_PASSWORD).orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new InvalidSettingException(Setting.SMTP_CLIENT_TRUSTSTORE, "cannot be read: " + e.getMessage());
        }
    }
}
