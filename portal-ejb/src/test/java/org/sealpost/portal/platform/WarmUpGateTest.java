package org.sealpost.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gate's bound: readiness waits for the warm-up only while it is on and its time runs. */
class WarmUpGateTest {

    private final WarmUpGate gate = new WarmUpGate();

    @Test
    void switchedOffThereIsNoWarmUpAndReadinessDoesNotWait() {
        gate.configure(false, Duration.ofMinutes(10));

        assertThat(gate.enabled()).isFalse();
        assertThat(gate.state()).isEqualTo(WarmUpState.OFF);
        assertThat(gate.state().holdsReadiness()).isFalse();
    }

    @Test
    void switchedOnItHoldsReadinessWhileItsTimeRuns() {
        gate.configure(true, Duration.ofMinutes(10));

        assertThat(gate.enabled()).isTrue();
        assertThat(gate.state()).isEqualTo(WarmUpState.RUNNING);
        assertThat(gate.state().holdsReadiness()).isTrue();
    }

    @Test
    void theRoundsGetTheirTimeFromWhenThePagesAreServedNotFromDeployment() {
        gate.configure(true, Duration.ZERO);

        assertThat(gate.state()).as("waiting for the pages to be served").isEqualTo(WarmUpState.RUNNING);

        gate.roundsStarted();

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

    @Test
    void theWarmUpPagesAdmitOnlyThisStartsKeyAndOnlyWhileTheWarmUpRuns() {
        gate.configure(true, Duration.ofMinutes(10));

        assertThat(gate.admitsPage(gate.pageKey()))
                .as("the warm-up's own request")
                .isTrue();
        assertThat(gate.admitsPage(null)).as("no key").isFalse();
        assertThat(gate.admitsPage(new WarmUpGate().pageKey()))
                .as("another start's key")
                .isFalse();
        assertThat(gate.admitsPage(gate.pageKey().substring(1)))
                .as("part of the key")
                .isFalse();

        gate.ended(WarmUpState.DONE);

        assertThat(gate.admitsPage(gate.pageKey()))
                .as("the key, once readiness is UP")
                .isFalse();
    }

    @Test
    void theWarmUpPagesAreRefusedWhenTheWarmUpIsOffOrItsTimeIsUp() {
        gate.configure(false, Duration.ofMinutes(10));
        assertThat(gate.admitsPage(gate.pageKey())).as("warm-up off").isFalse();

        gate.configure(true, Duration.ZERO);
        gate.roundsStarted();
        assertThat(gate.admitsPage(gate.pageKey()))
                .as("time up, the round not yet ended")
                .isFalse();
    }

    @Test
    void theRoundsGetTheirTimeFromTheFirstWorkerToStartNotFromEachOne() throws Exception {
        gate.configure(true, Duration.ofMillis(300));

        gate.roundsStarted();
        Thread.sleep(200);
        gate.roundsStarted();
        Thread.sleep(200);

        assertThat(gate.timeLeft())
                .as("300 ms from the first worker's start, not from the second's")
                .isFalse();
    }

    @Test
    void theRoundsGoOnWhileTheWarmUpRunsAndStopWhenItEnds() {
        gate.configure(true, Duration.ofMinutes(10));
        gate.roundsStarted();

        assertThat(gate.roundsGoOn())
                .as("time left, the compiler watched for 5 s at most")
                .isTrue();

        gate.ended(WarmUpState.DONE);

        assertThat(gate.roundsGoOn()).as("another worker ended it").isFalse();
    }
}
