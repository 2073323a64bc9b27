package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue's last error tells the portal's own reasons, which a page translates, from the smarthost's words. */
class PortalFailureTest {

    @ParameterizedTest
    @EnumSource(PortalFailure.class)
    void aKeptCodeIsReadBackWithItsDetail(PortalFailure failure) {
        String plain = failure.stored();
        String detailed = failure.stored("admin@bank.example");

        assertThat(PortalFailure.of(plain)).hasValue(failure);
        assertThat(PortalFailure.detail(plain)).isEmpty();
        assertThat(PortalFailure.of(detailed)).hasValue(failure);
        assertThat(PortalFailure.detail(detailed)).isEqualTo("admin@bank.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "550 5.1.1 <anna@client.example>: Recipient address rejected: User unknown",
                "Could not connect to SMTP host: smarthost.bank.example, port: 25",
                "MESSAGE_DELETEDX",
                "message_deleted",
                ""
            })
    void theSmarthostsOwnWordsAreNoCodeOfThePortal(String lastError) {
        assertThat(PortalFailure.of(lastError)).isEmpty();
    }

    @Test
    void noErrorIsNoCode() {
        assertThat(PortalFailure.of(null)).isEmpty();
        assertThat(PortalFailure.detail(null)).isEmpty();
    }
}
