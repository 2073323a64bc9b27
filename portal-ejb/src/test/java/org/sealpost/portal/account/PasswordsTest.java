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
}
