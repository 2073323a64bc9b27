package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue's last error tells the portal's own reasons, which a page translates, from the smarthost's words. */
class PortalFailureTest {

    @ParameterizedTest
    @EnumSource(PortalFailure.class)
    void aKeptCodeIsReadBackWithItsDetail(PortalFailure failure) {
        QueueEntry plain = entry(failure.stored());
        QueueEntry detailed = entry(failure.stored("admin@bank.example"));

        assertThat(plain.portalFailure()).hasValue(failure);
        assertThat(plain.portalFailureDetail()).isEmpty();
        assertThat(detailed.portalFailure()).hasValue(failure);
        assertThat(detailed.portalFailureDetail()).isEqualTo("admin@bank.example");
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
        QueueEntry row = entry(lastError);

        assertThat(row.portalFailure()).isEmpty();
        assertThat(row.portalFailureDetail()).isEmpty();
    }

    @Test
    void noErrorIsNoCode() {
        assertThat(entry(null).portalFailure()).isEmpty();
    }

    private static QueueEntry entry(String lastError) {
        return new QueueEntry(
                1,
                OutboundKind.values()[0],
                "anna@client.example",
                QueueState.GIVEN_UP,
                3,
                Instant.EPOCH,
                Instant.EPOCH,
                lastError);
    }
}
