package org.sealpost.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gate's bounds: readiness waits for the pages to be served, whether or not the warm-up is
 * on, and then for the warm-up only while it is on and its time runs.
 */
class WarmUpGateTest {

    private final WarmUpGate gate = new WarmUpGate();

    @Test
    void switchedOffReadinessWaitsForThePagesOnlyThenNotForAWarmUp() {
        gate.configure(false, Duration.ofMinutes(10));

        assertThat(gate.enabled()).isFalse();
        assertThat(gate.state()).isEqualTo(WarmUpState.AWAITING_PAGES);
        assertThat(gate.state().holdsReadiness())
                .as("Payara answers readiness before the pages are served")
                .isTrue();

        gate.pagesServed();

        assertThat(gate.state()).isEqualTo(WarmUpState.OFF);
        assertThat(gate.state().holdsReadiness()).isFalse();
    }

    @Test
    void pagesThatAreNeverServedHoldReadinessOnlyUntilTheDeploymentBound() {
        gate.configure(false, Duration.ofMinutes(10), Duration.ZERO);

        assertThat(gate.state()).isEqualTo(WarmUpState.OFF);
        assertThat(gate.state().holdsReadiness()).isFalse();
    }

    @Test
    void switchedOnItHoldsReadinessWhileItsTimeRuns() {
        gate.configure(true, Duration.ofMinutes(10));

        assertThat(gate.enabled()).isTrue();
        gate.pagesServed();
        assertThat(gate.state()).isEqualTo(WarmUpState.RUNNING);
        assertThat(gate.state().holdsReadiness()).isTrue();
    }

    @Test
    void theRoundsGetTheirTimeFromWhenThePagesAreServedNotFromDeployment() {
        gate.configure(true, Duration.ZERO);

        assertThat(gate.state()).as("waiting for the pages to be served").isEqualTo(WarmUpState.AWAITING_PAGES);

        gate.pagesServed();

        assertThat(gate.timeLeft()).isFalse();
        assertThat(gate.state())
                .as("rounds of no time: readiness stops waiting, whether or not the warm-up ends")
                .isEqualTo(WarmUpState.DONE);
        assertThat(gate.state().holdsReadiness()).isFalse();
    }

    @Test
    void aFailedWarmUpNoLongerHoldsReadiness() {
        gate.configure(true, Duration.ofMinutes(10));

        gate.ended(WarmUpState.FAILED);

        assertThat(gate.state()).isEqualTo(WarmUpState.FAILED);
        assertThat(gate.state().holdsReadiness()).isFalse();
    }
}
