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
        gate.configure(true, Duration.ZERO, Duration.ZERO);

        assertThat(gate.state()).as("waiting for the pages to be served").isEqualTo(WarmUpState.RUNNING);

        gate.roundsStarted();

        assertThat(gate.timeLeft()).isFalse();
        assertThat(gate.state())
                .as("rounds of no time and no last round: readiness stops waiting, whether or not the warm-up ends")
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

    @Test
    void whenTheTimeIsUpTheRoundsStopButReadinessWaitsForTheWorkersToEndTheirLastRound() {
        gate.configure(true, Duration.ZERO, Duration.ofMinutes(10));
        gate.roundsStarted();

        assertThat(gate.roundsGoOn()).as("the time is up").isFalse();
        assertThat(gate.state())
                .as("a worker still ends its round and deletes its reader")
                .isEqualTo(WarmUpState.RUNNING);
        assertThat(gate.state().holdsReadiness()).isTrue();

        gate.ended(WarmUpState.DONE);

        assertThat(gate.state()).isEqualTo(WarmUpState.DONE);
        assertThat(gate.state().holdsReadiness()).isFalse();
    }
}
