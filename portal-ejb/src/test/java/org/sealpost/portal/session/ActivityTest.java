package org.sealpost.portal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityTest {

    private final Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final Activity activity = new Activity(Duration.ofMinutes(15));

    @Test
    void aSessionSeenWithinTheIdleTimeoutAndTheLastSeenLagIsActive() {
        assertThat(activity.isActive(now, now)).isTrue();
        assertThat(activity.isActive(now.minus(Duration.ofMinutes(16)), now)).isTrue();
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutIsNotActive() {
        assertThat(activity.isActive(now.minus(Duration.ofMinutes(16)).minusSeconds(1), now))
                .isFalse();
        assertThat(activity.isActive(now.minus(Duration.ofDays(3)), now)).isFalse();
    }

    @Test
    void lastSeenIsWrittenAgainOnlyOnceItIsAMinuteOld() {
        Instant threshold = Activity.touchedBefore(now);

        assertThat(now.minusSeconds(59).isBefore(threshold)).isFalse();
        assertThat(now.minusSeconds(61).isBefore(threshold)).isTrue();
    }

    @Test
    void theIdleTimeoutMustBePositive() {
        assertThatThrownBy(() -> new Activity(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
