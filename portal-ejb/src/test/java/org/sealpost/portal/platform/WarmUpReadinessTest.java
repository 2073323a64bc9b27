package org.sealpost.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readiness and the warm-up (ADR 0020): DOWN while it runs, UP once it is over or off, and saying which. */
class WarmUpReadinessTest {

    private final BackgroundWorkers workers = new BackgroundWorkers();

    @BeforeAll
    static void healthResponses() {
        SimpleHealthResponses.install();
    }

    @Test
    void readinessIsDownWhileTheWarmUpRuns() {
        HealthCheckResponse running = PortalReadiness.readiness("16", List.of(), workers, WarmUpState.RUNNING);

        assertThat(running.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(running.getData().orElseThrow()).containsEntry("warm-up", "running");
    }

    @Test
    void readinessIsUpOnceTheWarmUpIsOverFailedOrOff() {
        for (WarmUpState state : List.of(WarmUpState.DONE, WarmUpState.FAILED, WarmUpState.OFF)) {
            HealthCheckResponse response = PortalReadiness.readiness("16", List.of(), workers, state);

            assertThat(response.getStatus()).as(state.name()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData().orElseThrow())
                    .containsEntry("warm-up", state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
