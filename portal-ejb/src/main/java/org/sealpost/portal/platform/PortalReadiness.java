package org.sealpost.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /health/ready}: UP only once the schema is migrated, every listener is up and
 * every background worker is working ({@link BackgroundWorkers}: a pass that ended in an
 * {@link Error} turns it DOWN until a later pass completes), so a load balancer or the launcher
 * never sends work to a half-started or ailing node; and, where the warm-up is on, not before it
 * has ended ({@link WarmUpGate}, ADR 0020), so the first users meet compiled code.
 */
@Readiness
@ApplicationScoped
public class PortalReadiness implements HealthCheck {

    @Inject
    private StartupGate startupGate;

    @Inject
    private Instance<ListenerProbe> listeners;

    @Inject
    private BackgroundWorkers workers;

    @Inject
    private WarmUpGate warmUp;

    @Override
    public HealthCheckResponse call() {
        return readiness(startupGate.schemaVersion(), listeners, workers, warmUp.state());
    }

    static HealthCheckResponse readiness(String schema, Iterable<ListenerProbe> listeners, BackgroundWorkers workers) {
        return readiness(schema, listeners, workers, WarmUpState.OFF);
    }

    static HealthCheckResponse readiness(
            String schema, Iterable<ListenerProbe> listeners, BackgroundWorkers workers, WarmUpState warmUp) {
        boolean up = schema != null && !warmUp.holdsReadiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sealpost")
                .withData("schema", schema == null ? "not migrated" : schema)
                .withData("warm-up", warmUp.name().toLowerCase(java.util.Locale.ROOT));
        for (ListenerProbe listener : listeners) {
            boolean listening = listener.listening();
            response.withData(listener.listenerName(), listening ? "listening" : "down");
            up &= listening;
        }
        up &= workers.report(response);
        return response.status(up).build();
    }
}
