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
 * never sends work to a half-started or ailing node.
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

    @Override
    public HealthCheckResponse call() {
        return readiness(startupGate.schemaVersion(), listeners, workers);
    }

    static HealthCheckResponse readiness(String schema, Iterable<ListenerProbe> listeners, BackgroundWorkers workers) {
        boolean up = schema != null;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sealpost")
                .withData("schema", schema == null ? "not migrated" : schema);
        for (ListenerProbe listener : listeners) {
            boolean listening = listener.listening();
            response.withData(listener.listenerName(), listening ? "listening" : "down");
            up &= listening;
        }
        up &= workers.report(response);
        return response.status(up).build();
    }
}
