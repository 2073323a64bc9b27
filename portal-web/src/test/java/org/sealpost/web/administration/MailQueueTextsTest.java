package org.sealpost.web.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.outbound.PortalFailure;
import org.sealpost.web.format.BundleTexts;

/**
 * The mail queue's last error: the portal's own reasons in the reader's language, English and
 * German, the smarthost's reply as it came.
 */
class MailQueueTextsTest {

    private static final BundleTexts ENGLISH = BundleTexts.of(Locale.ENGLISH);
    private static final BundleTexts GERMAN = BundleTexts.of(Locale.GERMAN);

    @ParameterizedTest
    @EnumSource(PortalFailure.class)
    void everyReasonOfThePortalHasASentenceInEnglishAndGerman(PortalFailure failure) {
        String kept = failure.stored("admin@bank.example");

        String english = MailQueuePage.lastError(kept, ENGLISH);
        String german = MailQueuePage.lastError(kept, GERMAN);

        assertThat(english).isNotBlank().endsWith(".").doesNotContain("{", failure.name());
        assertThat(german)
                .isNotBlank()
                .endsWith(".")
                .doesNotContain("{", failure.name())
                .isNotEqualTo(english);
    }

    @Test
    void aMailGivenUpByAnAdministratorSaysWhoInTheReadersLanguage() {
        String kept = PortalFailure.GIVEN_UP_BY_ADMINISTRATOR.stored("admin@bank.example");

        assertThat(MailQueuePage.lastError(kept, ENGLISH))
                .isEqualTo("Given up by the administrator admin@bank.example.");
        assertThat(MailQueuePage.lastError(kept, GERMAN)).isEqualTo("Vom Administrator admin@bank.example aufgegeben.");
    }

    @Test
    void theSmarthostsReplyIsShownAsItCame() {
        String reply = "550 5.1.1 <anna@client.example>: Recipient address rejected: User unknown";

        assertThat(MailQueuePage.lastError(reply, GERMAN)).isEqualTo(reply);
    }
}
