package org.sealpost.web.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.PortalFailure;
import org.sealpost.portal.outbound.QueueEntry;
import org.sealpost.portal.outbound.QueueState;

/**
 * The mail queue's last error: the portal's own reasons in the reader's language, English and
 * German, the smarthost's reply as it came.
 */
class MailQueueTextsTest {

    private static final String BASE = "org.sealpost.web.messages";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BASE, Locale.ENGLISH);
    private static final ResourceBundle GERMAN = ResourceBundle.getBundle(BASE, Locale.GERMAN);

    @ParameterizedTest
    @EnumSource(PortalFailure.class)
    void everyReasonOfThePortalHasASentenceInEnglishAndGerman(PortalFailure failure) {
        QueueEntry row = entry(failure.stored("admin@bank.example"));

        String english = MailQueuePage.lastError(row, ENGLISH, Locale.ENGLISH);
        String german = MailQueuePage.lastError(row, GERMAN, Locale.GERMAN);

        assertThat(english).isNotBlank().endsWith(".").doesNotContain("{", failure.name());
        assertThat(german)
                .isNotBlank()
                .endsWith(".")
                .doesNotContain("{", failure.name())
                .isNotEqualTo(english);
    }

    @Test
    void aMailGivenUpByAnAdministratorSaysWhoInTheReadersLanguage() {
        QueueEntry row = entry(PortalFailure.GIVEN_UP_BY_ADMINISTRATOR.stored("admin@bank.example"));

        assertThat(MailQueuePage.lastError(row, ENGLISH, Locale.ENGLISH))
                .isEqualTo("Given up by the administrator admin@bank.example.");
        assertThat(MailQueuePage.lastError(row, GERMAN, Locale.GERMAN))
                .isEqualTo("Vom Administrator admin@bank.example aufgegeben.");
    }

    @Test
    void theSmarthostsReplyIsShownAsItCame() {
        String reply = "550 5.1.1 <anna@client.example>: Recipient address rejected: User unknown";

        assertThat(MailQueuePage.lastError(entry(reply), GERMAN, Locale.GERMAN)).isEqualTo(reply);
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
