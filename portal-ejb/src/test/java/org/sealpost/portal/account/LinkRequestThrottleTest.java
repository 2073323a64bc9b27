package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkRequestThrottleTest {

    private final LinkRequestThrottle throttle = new LinkRequestThrottle();
    private final Instant t0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aClientGetsItsRequestsInTheWindowAndNoMoreWhileAnotherClientIsUntouched() {
        for (int i = 0; i < LinkRequestThrottle.PER_CLIENT; i++) {
            assertThat(throttle.admit("203.0.113.7", t0.plusSeconds(i))).isTrue();
        }

        assertThat(throttle.admit("203.0.113.7", t0.plusSeconds(30))).isFalse();
        assertThat(throttle.admit("198.51.100.1", t0.plusSeconds(30)))
                .as("another client")
                .isTrue();
        assertThat(throttle.admit(
                        "203.0.113.7", t0.plus(LinkRequestThrottle.WINDOW).plusSeconds(10)))
                .as("once the window has passed")
                .isTrue();
    }
}
