package org.sealpost.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.DefaultTemplates;
import org.sealpost.portal.notification.template.NotificationValues;
import org.sealpost.portal.notification.template.Placeholder;
import org.sealpost.portal.notification.template.RenderedNotification;
import org.sealpost.portal.notification.template.TemplateKind;

class CertificateExpiryMailTest {

    @Test
    void theReminderNamesTheExpiryDateAndLinksTheCertificatePage() {
        RenderedNotification mail = DefaultTemplates.of(TemplateKind.CERTIFICATE_EXPIRING, Language.ENGLISH)
                .render(NotificationValues.builder()
                        .recipientAddress(EmailAddress.of("postmaster@bank.example"))
                        .portalLink(URI.create("https://portal.bank.example/admin/certificate.xhtml"))
                        .expiryDate(LocalDate.of(2027, 1, 31))
                        .senderAddress(EmailAddress.of("no-reply@bank.example"))
                        .organisationName("Bank")
                        .build());

        assertThat(mail.subject()).isEqualTo("The mail bridge certificate of Bank expires soon");
        assertThat(mail.text())
                .contains("2027")
                .contains("https://portal.bank.example/admin/certificate.xhtml")
                .contains("keeps accepting");
        assertThat(mail.html()).contains("href=\"https://portal.bank.example/admin/certificate.xhtml\"");
    }

    @Test
    void theReminderMayNotNameMessagesOrSenders() {
        // The accent colour is the portal's branding, allowed in every mail; nothing about a message.
        assertThat(TemplateKind.CERTIFICATE_EXPIRING.placeholders())
                .containsExactlyInAnyOrder(
                        Placeholder.EXPIRY_DATE,
                        Placeholder.PORTAL_LINK,
                        Placeholder.RECIPIENT_ADDRESS,
                        Placeholder.ORGANISATION_NAME,
                        Placeholder.ACCENT_COLOUR);
    }
}
