package org.sealpost.portal.meters;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import org.sealpost.bridge.BridgeObserver;

/**
 * The portal's counters, one registry per deployment. A package of its own that depends on
 * nothing of the portal, so every feature may count without a cycle between packages. Static on purpose: the places that
 * count are static table owners and plain classes that also run outside the container (the
 * operator commands, tests), where nothing could be injected; a redeployment gets a fresh
 * class and so a fresh registry. Counting costs an atomic add and never fails the work counted.
 *
 * <p>Label values come from closed sets (reply codes, enum names) so the number of series stays
 * bounded whatever a client sends: never an address, a host name or a subject.
 */
public final class PortalMeters {

    private static final PrometheusRegistry REGISTRY = new PrometheusRegistry();

    private static final Counter BRIDGE_ACCEPTED = Counter.builder()
            .name("sealpost_bridge_messages_accepted_total")
            .help("Messages the mail bridge answered 250 after DATA: stored, committed, never lost")
            .register(REGISTRY);

    private static final Counter BRIDGE_REFUSED = Counter.builder()
            .name("sealpost_bridge_refusals_total")
            .help(
                    "Replies of the mail bridge that refused (4xx temporary, 5xx permanent), by reply code and "
                            + "RFC 3463 enhanced status: 530 5.7.0 plaintext, 552 5.3.4 too large, 451 4.3.0 storage unavailable")
            .labelNames("code", "status")
            .register(REGISTRY);

    private static final Counter BRIDGE_HANDSHAKE_FAILED = Counter.builder()
            .name("sealpost_bridge_tls_handshake_failures_total")
            .help(
                    "Bridge sessions whose STARTTLS handshake failed (old protocol, no shared cipher, bad client certificate)")
            .register(REGISTRY);

    private static final Histogram INTAKE_SECONDS = Histogram.builder()
            .name("sealpost_intake_duration_seconds")
            .help("Time from the end of DATA to the intake's verdict: read the MIME, seal, commit; by outcome")
            .unit(Unit.SECONDS)
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .labelNames("outcome")
            .register(REGISTRY);

    private static final Counter DELIVERIES = Counter.builder()
            .name("sealpost_outbound_deliveries_total")
            .help("Outbound mail handed to the smarthost (delivered), deferred for a retry, or given up, by kind")
            .labelNames("kind", "outcome")
            .register(REGISTRY);

    private static final Counter SIGN_INS = Counter.builder()
            .name("sealpost_sign_ins_total")
            .help("Sign-in attempts by outcome: success, failed (unknown address, wrong password, locked), throttled")
            .labelNames("outcome")
            .register(REGISTRY);

    /**
     * The portal's own warm-up reader's sign-ins, apart from the users': some two hundred per
     * start, which a sign-in rate alert on {@code sealpost_sign_ins_total} must not see (ADR 0039).
     */
    private static final Counter WARM_UP_SIGN_INS = Counter.builder()
            .name("sealpost_warm_up_sign_ins_total")
            .help("Sign-ins of the portal's own warm-up reader before readiness (not in sealpost_sign_ins_total)")
            .register(REGISTRY);

    private static final Counter AUDIT_EVENTS = Counter.builder()
            .name("sealpost_audit_events_total")
            .help("Audit events recorded by this node, by action")
            .labelNames("action")
            .register(REGISTRY);

    /** Tells the counters above what the mail bridge answered. */
    public static final BridgeObserver BRIDGE = new BridgeObserver() {
        @Override
        public void refused(int replyCode, String enhancedStatus) {
            BRIDGE_REFUSED
                    .labelValues(Integer.toString(replyCode), enhancedStatus.isEmpty() ? "none" : enhancedStatus)
                    .inc();
        }

        @Override
        public void accepted() {
            BRIDGE_ACCEPTED.inc();
        }

        @Override
        public void handshakeFailed() {
            BRIDGE_HANDSHAKE_FAILED.inc();
        }
    };

    /** How the intake ended for one message. */
    public enum IntakeOutcome {
        STORED,
        REFUSED,
        STORAGE_UNAVAILABLE
    }

    /** How one delivery attempt of outbound mail ended. */
    public enum DeliveryOutcome {
        DELIVERED,
        DEFERRED,
        GIVEN_UP
    }

    private PortalMeters() {}

    /** The registry the counters are in, for the listener that exposes them. */
    public static PrometheusRegistry registry() {
        return REGISTRY;
    }

    public static void intake(IntakeOutcome outcome, Duration took) {
        INTAKE_SECONDS
                .labelValues(outcome.name().toLowerCase(java.util.Locale.ROOT))
                .observe(took.toNanos() / 1e9);
    }

    /** @param kind the outbound kind's name (an enum constant: a closed set) */
    public static void delivery(String kind, DeliveryOutcome outcome, int mails) {
        DELIVERIES
                .labelValues(kind, outcome.name().toLowerCase(java.util.Locale.ROOT))
                .inc(mails);
    }

    /**
     * Every audit event, as AuditTrail records it; sign-in outcomes are counted from here too,
     * the warm-up's apart.
     *
     * @param action the audit action's name (an enum constant: a closed set)
     * @param warmUp whether the portal's own warm-up did it
     */
    public static void audited(String action, boolean warmUp) {
        AUDIT_EVENTS.labelValues(action).inc();
        switch (action) {
            case "SIGNED_IN" -> (warmUp ? WARM_UP_SIGN_INS : SIGN_INS.labelValues("success")).inc();
            case "SIGN_IN_FAILED" -> SIGN_INS.labelValues("failed").inc();
            case "SIGN_IN_THROTTLED" -> SIGN_INS.labelValues("throttled").inc();
            default -> {
                // not a sign-in
            }
        }
    }
}
