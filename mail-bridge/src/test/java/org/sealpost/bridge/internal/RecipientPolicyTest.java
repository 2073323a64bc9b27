package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RecipientPolicyTest {

    private final RecipientPolicy policy =
            new RecipientPolicy(3, Set.of("Customer.Example"), Set.of("Warm-Up.INVALID"));

    @Test
    void recipientInAnInternalDomainIsRefusedWith550WhateverTheCase() {
        Decision decision = policy.decide(new Mailbox("alice", "CUSTOMER.example"), 0);

        assertThat(decision.reply().code()).isEqualTo(550);
        assertThat(decision.reply().enhancedStatus()).isEqualTo("5.7.1");
        assertThat(decision.reply().text())
                .contains("customer.example", "internal recipients are served by the gateway directly");
    }

    @Test
    void onlyTheExactInternalDomainMatchesNotSubdomainsOrLookalikes() {
        assertThat(policy.decide(new Mailbox("a", "mail.customer.example"), 0)).isEqualTo(Decision.PROCEED);
        assertThat(policy.decide(new Mailbox("a", "customer.example.net"), 0)).isEqualTo(Decision.PROCEED);
        assertThat(policy.decide(new Mailbox("a", "partner.example"), 0)).isEqualTo(Decision.PROCEED);
    }

    @Test
    void recipientInAReservedDomainIsRefusedWith550BadDestinationWhateverTheCase() {
        Decision decision = policy.decide(new Mailbox("reader-1", "WARM-UP.invalid"), 0);

        assertThat(decision.reply().code()).isEqualTo(550);
        assertThat(decision.reply().enhancedStatus()).isEqualTo("5.1.2");
        assertThat(decision.reply().text())
                .isEqualTo("Recipient domain warm-up.invalid is reserved for the portal's own use and receives no"
                        + " mail");
    }

    @Test
    void onlyTheExactReservedDomainMatchesNotSubdomainsOrLookalikes() {
        assertThat(policy.decide(new Mailbox("a", "sub.warm-up.invalid"), 0)).isEqualTo(Decision.PROCEED);
        assertThat(policy.decide(new Mailbox("a", "warm-up.invalid.example"), 0))
                .isEqualTo(Decision.PROCEED);
        assertThat(policy.decide(new Mailbox("a", "warm-up.example"), 0)).isEqualTo(Decision.PROCEED);
    }

    @Test
    void recipientBeyondTheLimitIsAnswered452TooManyRecipients() {
        assertThat(policy.decide(new Mailbox("a", "partner.example"), 2)).isEqualTo(Decision.PROCEED);
        assertThat(policy.decide(new Mailbox("a", "partner.example"), 3).reply().line())
                .isEqualTo("452 4.5.3 Too many recipients");
    }
}
