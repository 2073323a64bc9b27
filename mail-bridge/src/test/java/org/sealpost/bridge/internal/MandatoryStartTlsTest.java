package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MandatoryStartTlsTest {

    private final MandatoryStartTls rule = new MandatoryStartTls();

    @Test
    void mailBeforeStartTlsIsRefusedWith530() {
        Decision decision = rule.decide("MAIL", false);

        assertThat(decision.proceeds()).isFalse();
        assertThat(decision.reply().line()).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RCPT", "DATA", "VRFY", "EXPN", "HELP", "AUTH", "BDAT", "rcpt"})
    void transactionAndOtherCommandsBeforeTlsAreRefused(String verb) {
        assertThat(rule.decide(verb, false)).isEqualTo(Decision.refuse(MandatoryStartTls.MUST_ISSUE_STARTTLS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EHLO", "HELO", "STARTTLS", "NOOP", "RSET", "QUIT", "ehlo", "StartTls"})
    void greetingStartTlsAndHousekeepingAreAllowedBeforeTls(String verb) {
        assertThat(rule.decide(verb, false)).isEqualTo(Decision.PROCEED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAIL", "RCPT", "DATA", "EHLO", "VRFY"})
    void everyCommandIsLetThroughOnceTlsIsActive(String verb) {
        assertThat(rule.decide(verb, true)).isEqualTo(Decision.PROCEED);
    }
}
