package org.sealpost.portal.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.intake.BridgeService;
import org.sealpost.portal.meters.PortalMeters;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.OutboundQueue;

/**
 * Serves {@code /metrics} on {@code SEALPOST_METRICS_ADDRESS} (host:port) when it is set, on a
 * listener of its own: the portal's public listener never shows it, and Payara's built-in
 * MicroProfile Metrics endpoint is switched off at boot for the same reason (it would tell
 * anyone the pool sizes, heap and class counts). Scrapes run on the container's managed executor,
 * so the database figures are read through the EJB container like any request.
 */
@Singleton
@Startup
@DependsOn({"StartupGate", "BridgeService"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetricsListener {

    private static final Logger LOG = Logger.getLogger(MetricsListener.class.getName());

    /** Several scrapers (two Prometheus servers, a curl) within this share one database reading. */
    static final Duration READING_REUSED_FOR = Duration.ofSeconds(5);

    @Inject
    private PortalSettings settings;

    @Inject
    private OperationalFigures figures;

    @Inject
    private BridgeService bridge;

    @Resource
    private ManagedExecutorService executor;

    private HTTPServer server;

    private volatile OperationalFigures.Reading lastReading;

    @PostConstruct
    void start() {
        Optional<String> address = settings.get(Setting.METRICS_ADDRESS);
        if (address.isEmpty()) {
            return;
        }
        MetricsAddress where = MetricsAddress.parse(address.get());
        PrometheusRegistry registry = PortalMeters.registry();
        registerSharedFigures(registry, this::reading, this::bridgeCertificate);
        JvmMetrics.builder().register(registry);
        try {
            server = HTTPServer.builder()
                    .hostname(where.host())
                    .port(where.port())
                    .registry(registry)
                    .executorService(executor)
                    .buildAndStart();
        } catch (IOException e) {
            throw new UncheckedIOException("/metrics cannot listen on " + address.get() + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "metrics on http://" + where + "/metrics");
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The port actually listened on (port 0 in tests), or empty when off. */
    public Optional<Integer> port() {
        return Optional.ofNullable(server).map(HTTPServer::getPort);
    }

    private OperationalFigures.Reading reading() {
        OperationalFigures.Reading last = lastReading;
        if (last != null && last.at().plus(READING_REUSED_FOR).isAfter(Instant.now())) {
            return last;
        }
        try {
            lastReading = figures.read();
            return lastReading;
        } catch (RuntimeException e) {
            // A scrape during a database outage still answers with the per-node counters.
            LOG.log(Level.FINE, "database figures unavailable for /metrics", e);
            return null;
        }
    }

    private Optional<X509Certificate> bridgeCertificate() {
        return Optional.ofNullable(bridge.certificates()).map(c -> c.certificate());
    }

    static void registerSharedFigures(
            PrometheusRegistry registry,
            Supplier<OperationalFigures.Reading> reading,
            Supplier<Optional<X509Certificate>> certificate) {
        GaugeWithCallback.builder()
                .name("sealpost_outbound_queue_depth")
                .help(
                        "Outbound mail waiting to be sent, all nodes, by kind and state (queued: not tried yet; deferred: tried and failed, retrying)")
                .labelNames("kind", "state")
                .callback(cb -> {
                    OperationalFigures.Reading r = reading.get();
                    if (r != null) {
                        // Every kind, 0 when none waits: an alert on a series must not depend on
                        // whether the series happens to exist.
                        for (OutboundKind kind : OutboundKind.values()) {
                            Optional<OutboundQueue.Backlog> b = backlogOf(r, kind);
                            cb.call(b.map(x -> x.waiting() - x.deferred()).orElse(0L), kind.name(), "queued");
                            cb.call(b.map(OutboundQueue.Backlog::deferred).orElse(0L), kind.name(), "deferred");
                        }
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("sealpost_outbound_oldest_age_seconds")
                .help("Age of the oldest outbound mail still waiting, by kind (0 when none waits)")
                .unit(Unit.SECONDS)
                .labelNames("kind")
                .callback(cb -> {
                    OperationalFigures.Reading r = reading.get();
                    if (r != null) {
                        for (OutboundKind kind : OutboundKind.values()) {
                            cb.call(
                                    backlogOf(r, kind)
                                            .map(b -> secondsBetween(b.oldestQueuedAt(), r.at()))
                                            .orElse(0.0),
                                    kind.name());
                        }
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("sealpost_search_index_lag_entries")
                .help("Mailbox changes the search indexes have not taken in yet")
                .callback(cb -> {
                    OperationalFigures.Reading r = reading.get();
                    if (r != null) {
                        cb.call(r.searchIndex().rows());
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("sealpost_search_index_lag_seconds")
                .help("Age of the oldest mailbox change the search indexes have not taken in yet (0 when caught up)")
                .unit(Unit.SECONDS)
                .callback(cb -> {
                    OperationalFigures.Reading r = reading.get();
                    if (r != null) {
                        cb.call(r.searchIndex()
                                .oldestQueuedAt()
                                .map(t -> secondsBetween(t, r.at()))
                                .orElse(0.0));
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("sealpost_sessions_active")
                .help("Signed-in sessions, all nodes, not ended, idle for less than the idle timeout")
                .callback(cb -> {
                    OperationalFigures.Reading r = reading.get();
                    if (r != null) {
                        cb.call(r.activeSessions());
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("sealpost_bridge_certificate_days_left")
                .help("Days until the mail bridge's TLS certificate expires (negative once expired)")
                .callback(cb -> certificate
                        .get()
                        .ifPresent(cert -> cb.call(
                                secondsBetween(Instant.now(), cert.getNotAfter().toInstant()) / 86_400.0)))
                .register(registry);
    }

    private static Optional<OutboundQueue.Backlog> backlogOf(OperationalFigures.Reading r, OutboundKind kind) {
        return r.outbound().stream().filter(b -> b.kind() == kind).findFirst();
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** {@code host:port}, an IPv6 host in brackets; the host must be a literal or "localhost". */
    record MetricsAddress(String host, int port) {

        static MetricsAddress parse(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new InvalidSettingException(Setting.METRICS_ADDRESS, value, "host:port, e.g. 127.0.0.1:9464");
            }
            String host = value.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(Setting.METRICS_ADDRESS, value, "host:port with a numeric port");
            }
            if (port < 0 || port > 65_535) {
                throw new InvalidSettingException(Setting.METRICS_ADDRESS, value, "a port from 0 to 65535");
            }
            return new MetricsAddress(host, port);
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
