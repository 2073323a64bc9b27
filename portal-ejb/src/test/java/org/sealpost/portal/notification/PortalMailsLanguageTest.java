package org.sealpost.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.NotificationValues;
import org.sealpost.portal.notification.template.RenderedNotification;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.AccentColour;
import org.sealpost.portal.settings.Branding;

/** The language a mail is written in: the account's, else the organisation's default. */
class PortalMailsLanguageTest {

    private static final Branding BRANDING = new Branding("Bank Example", AccentColour.DEFAULT, false);

    private static NotificationValues.Builder values() {
        return NotificationValues.builder()
                .senderAddress(EmailAddress.of("clerk@bank.example"))
                .recipientAddress(EmailAddress.of("anna@example.org"))
                .portalLink(URI.create("https://secure.bank.example/"));
    }

    @Test
    void anAccountWithALanguageGetsItsLanguageWhateverTheDefault() {
        PortalMails mails = PortalMails.builtIn(BRANDING, Language.ENGLISH);

        assertThat(mails.languageFor(Optional.of(Language.GERMAN))).isEqualTo(Language.GERMAN);
    }

    @Test
    void anAccountWithoutALanguageGetsTheOrganisationsDefault() {
        assertThat(PortalMails.builtIn(BRANDING, Language.GERMAN).languageFor(Optional.empty()))
                .isEqualTo(Language.GERMAN);
        assertThat(PortalMails.builtIn(BRANDING, Language.ENGLISH).languageFor(Optional.empty()))
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void aMailIsRenderedFromTheTemplateOfItsLanguage() {
        PortalMails mails = PortalMails.builtIn(BRANDING, Language.ENGLISH);

        RenderedNotification german = mails.render(TemplateKind.NEW_MESSAGE, Language.GERMAN, values());
        RenderedNotification english = mails.render(TemplateKind.NEW_MESSAGE, Language.ENGLISH, values());

        assertThat(german.subject()).isEqualTo("Neue sichere Nachricht von Bank Example");
        assertThat(english.subject()).isEqualTo("New secure message from Bank Example");
    }
}
