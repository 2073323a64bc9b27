package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientThrottleTest {

    private final SignInPolicy policy = new SignInPolicy(5, Duration.ofMinutes(15), 3, Duration.ofMinutes(10));
    private final ClientThrottle throttle = new ClientThrottle();
    private final Instant t0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anAddressIsStoppedAfterItsFailuresInTheWindowWhateverAccountsItTried() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.exhausted("203.0.113.7", t0, policy)).isFalse();
            throttle.recordFailure("203.0.113.7", t0.plusSeconds(i), policy);
        }

        assertThat(throttle.exhausted("203.0.113.7", t0.plusSeconds(5), policy)).isTrue();
        assertThat(throttle.exhausted("198.51.100.1", t0.plusSeconds(5), policy))
                .as("another address")
                .isFalse();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("203.0.113.7", t0, policy);
        }

        assertThat(throttle.exhausted(
                        "203.0.113.7", t0.plus(Duration.ofMinutes(10)).plusSeconds(1), policy))
                .isFalse();
    }

    @Test
    void anIpv6ClientIsItsSlash64SoFreshAddressesInItDoNotBuyFreshAttempts() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("2001:db8:1:2::" + Integer.toHexString(i + 1), t0, policy);
        }

        assertThat(throttle.exhausted("2001:db8:1:2:ffff:eeee:dddd:cccc", t0.plusSeconds(1), policy))
                .isTrue();
        assertThat(throttle.exhausted("2001:db8:1:3::1", t0.plusSeconds(1), policy))
                .as("the next /64")
                .isFalse();
        assertThat(throttle.exhausted("203.0.113.7", t0.plusSeconds(1), policy)).isFalse();
    }
}
