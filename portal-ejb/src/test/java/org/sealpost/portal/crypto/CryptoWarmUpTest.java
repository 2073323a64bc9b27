package org.sealpost.portal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CryptoWarmUpTest {

    @Test
    void warmUpWithAGenerousBudgetRunsEverySmallAndLargeRoundTrip() {
        CryptoWarmUp.Report report = CryptoWarmUp.run(Duration.ofSeconds(30));

        assertThat(report.completed()).isTrue();
        assertThat(report.smallRoundTrips()).isEqualTo(CryptoWarmUp.SMALL_TOTAL);
        assertThat(report.largeRoundTrips()).isEqualTo(CryptoWarmUp.LARGE_TOTAL);
    }

    @Test
    void warmUpStopsWhenItsBudgetRunsOut() {
        CryptoWarmUp.Report report = CryptoWarmUp.run(Duration.ofMillis(5));

        assertThat(report.completed()).isFalse();
        assertThat(report.smallRoundTrips()).isLessThan(CryptoWarmUp.SMALL_TOTAL);
        // One round trip may still be running at the deadline; a ~1 MB one takes well under 1 s
        // even interpreted.
        assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void defaultBudgetStaysUnderOneSecond() {
        assertThat(CryptoWarmUp.DEFAULT_BUDGET).isLessThan(Duration.ofSeconds(1));
        CryptoWarmUp.Report report = CryptoWarmUp.run();
        assertThat(report.elapsed()).isLessThan(Duration.ofMillis(1500));
    }
}
