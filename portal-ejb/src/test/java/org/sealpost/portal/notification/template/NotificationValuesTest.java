package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.account.EmailAddress;

class NotificationValuesTest {

    private static NotificationValues.Builder values() {
        return NotificationValues.builder()
                .senderAddress(EmailAddress.of("anna.berg@bank.example"))
                .portalLink(URI.create("https://secure.bank.example/"))
                .recipientAddress(EmailAddress.of("carl@customer.example"))
                .organisationName("Bank Example");
    }

    @Test
    void byDefaultANotificationIsAboutOneMessageAndHidesTheOriginalSubject() {
        NotificationValues v = values().build();

        assertThat(v.messageCount()).isEqualTo(1);
        assertThat(v.originalSubjectAllowed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "/relative/path",
                "ftp://secure.bank.example/",
                "https://bank.example@evil.example/"
            })
    void linksMustBeAbsoluteWebAddressesWithoutUserInformation(String link) {
        assertThatThrownBy(() -> values().portalLink(URI.create(link)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values().registrationLink(URI.create(link)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDevelopmentPortalOnPlainHttpIsAccepted() {
        assertThat(values().portalLink(URI.create("http://localhost:8080/"))
                        .build()
                        .portalLink()
                        .getPort())
                .isEqualTo(8080);
    }

    @Test
    void zeroMessagesOrAMissingOrganisationAreRefused() {
        assertThatThrownBy(() -> values().messageCount(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values().organisationName(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values().organisationName(null).build()).isInstanceOf(NullPointerException.class);
    }
}
