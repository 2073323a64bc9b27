package org.sealpost.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /health/ready}: UP only once the schema is migrated and every listener is up,
 * so a load balancer or the launcher never sends work to a half-started node.
 */
@Readiness
@ApplicationScoped
public class PortalReadiness implements HealthCheck {

    @Inject
    private StartupGate startupGate;

    @Inject
    private Instance<ListenerProbe> listeners;

    @Override
    public HealthCheckResponse call() {
        String schema = startupGate.schemaVersion();
        boolean up = schema != null;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sealpost")
                .withData("schema", schema == null ? "not migrated" : schema);
        for (ListenerProbe listener : listeners) {
            boolean listening = listener.listening();
            response.withData(listener.listenerName(), listening ? "listening" : "down");
            up &= listening;
        }
        return response.status(up).build();
    }
}
