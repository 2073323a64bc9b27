package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(5), Duration.ofDays(5));
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theFirstRetryWaitsTheConfiguredIntervalAndEachFurtherOneTwiceAsLong() {
        assertThat(schedule.nextAttempt(now, 1)).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(schedule.nextAttempt(now, 2)).isEqualTo(now.plus(Duration.ofMinutes(10)));
        assertThat(schedule.nextAttempt(now, 4)).isEqualTo(now.plus(Duration.ofMinutes(40)));
    }

    @Test
    void theWaitNeverExceedsSixHours() {
        assertThat(schedule.nextAttempt(now, 30)).isEqualTo(now.plus(Duration.ofHours(6)));
    }

    @Test
    void mailOlderThanTheMaximumAgeIsGivenUpAndYoungerMailIsNot() {
        Instant queued = now.minus(Duration.ofDays(5));

        assertThat(schedule.givenUp(queued, now)).isTrue();
        assertThat(schedule.givenUp(queued.plusSeconds(1), now)).isFalse();
    }

    @Test
    void aZeroIntervalIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
