package org.sealpost.portal.notification.template;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;

/**
 * The values the template editor's preview and "send me a test" fill in: invented, clearly so,
 * and with every optional value present so that every section of a template shows. The links
 * point at the portal but carry a token that was never minted, so a test mail opens nothing.
 * The values that are words come from the {@code samples} bundle in the mail's language, so a
 * German template's preview does not show an English subject.
 */
public final class SampleValues {

    private static final String BUNDLE = "org.sealpost.portal.notification.template.samples";

    /**
     * No fallback to the JVM's default locale: on a server started in German, an English sample
     * must still come from the base bundle (ResourceBundle.Control#getFallbackLocale).
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(List.of("java.properties"));

    private SampleValues() {}

    /** The sample text of {@code key} in {@code language}. */
    static String text(String key, Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK).getString(key);
    }

    /**
     * @param portalLink        the portal's own address
     * @param recipient         whom the sample is for (the administrator, for a test mail)
     * @param language          the language of the mail being edited
     * @param organisationName  the current organisation name
     * @param accentColour      the current accent colour
     * @param showSubject       whether the original subject may be shown (as the real mails do)
     */
    public static NotificationValues of(
            URI portalLink,
            EmailAddress recipient,
            Language language,
            String organisationName,
            String accentColour,
            boolean showSubject) {
        return builder(portalLink, recipient, language)
                .organisationName(organisationName)
                .accentColour(accentColour)
                .originalSubjectAllowed(showSubject)
                .build();
    }

    /** The sample values without the branding, which {@code PortalMails} fills in. */
    public static NotificationValues.Builder builder(URI portalLink, EmailAddress recipient, Language language) {
        return NotificationValues.builder()
                .senderName("Maria Example")
                .senderAddress(EmailAddress.of("maria.example@bank.example"))
                .messageCount(1)
                .expiryDate(LocalDate.of(2030, 1, 31))
                .portalLink(portalLink)
                .registrationLink(portalLink.resolve("register.xhtml?token=SAMPLE-NOT-A-REAL-LINK"))
                .resetLink(portalLink.resolve("reset.xhtml?token=SAMPLE-NOT-A-REAL-LINK"))
                .originalSubject(text("originalSubject", language))
                .recipientAddress(recipient);
    }
}
