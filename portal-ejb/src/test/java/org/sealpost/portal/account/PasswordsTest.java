package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aConcurrencyBelowOneRefusesTheStartNamingTheSetting() {
        assertThat(Passwords.concurrency(1)).as("one hash at a time is allowed").isEqualTo(1);
        assertThatThrownBy(() -> Passwords.concurrency(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEALPOST_ARGON2_CONCURRENCY")
                .hasMessageContaining("not 0");
    }

    @Test
    void aNicenessOutsideLinuxsRangeRefusesTheStartNamingTheSetting() {
        assertThat(Passwords.niceness(0)).as("the pages' priority").isZero();
        assertThat(Passwords.niceness(19)).as("the lowest").isEqualTo(19);
        assertThatThrownBy(() -> Passwords.niceness(-1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEALPOST_ARGON2_NICENESS")
                .hasMessageContaining("not -1");
        assertThatThrownBy(() -> Passwords.niceness(20))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not 20");
    }
}
