package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void addressesDifferingOnlyInCaseAreOneAddress() {
        assertThat(EmailAddress.of(" Anna.Berg@Bank.Example ")).isEqualTo(EmailAddress.of("anna.berg@bank.example"));
    }

    @Test
    void theDomainIsWhatFollowsTheLastAt() {
        assertThat(EmailAddress.of("\"odd@local\"@clinic.example").domain()).isEqualTo("clinic.example");
    }

    @Test
    void somethingWithoutLocalPartOrDomainIsRefused() {
        assertThatThrownBy(() -> EmailAddress.of("@bank.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.of("anna@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.of("anna berg@bank.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInternationalisedDomainIsOneAddressInItsUnicodeAndItsAsciiForm() {
        assertThat(EmailAddress.of("Anna@Müller.Example")).isEqualTo(EmailAddress.of("anna@xn--mller-kva.example"));
        assertThat(EmailAddress.of("anna@müller.example").domain()).isEqualTo("xn--mller-kva.example");
        // The local part is left alone (RFC 6531 allows UTF-8 there; IDNA is for domains only).
        assertThat(EmailAddress.of("jürgen@bank.example").value()).isEqualTo("jürgen@bank.example");
    }
}
