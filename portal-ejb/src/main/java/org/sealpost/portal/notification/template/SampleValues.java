package org.sealpost.portal.notification.template;

import java.net.URI;
import java.time.LocalDate;
import org.sealpost.portal.account.EmailAddress;

/**
 * The values the template editor's preview and "send me a test" fill in: invented, clearly so,
 * and with every optional value present so that every section of a template shows. The links
 * point at the portal but carry a token that was never minted, so a test mail opens nothing.
 */
public final class SampleValues {

    private SampleValues() {}

    /**
     * @param portalLink        the portal's own address
     * @param recipient         whom the sample is for (the administrator, for a test mail)
     * @param organisationName  the current organisation name
     * @param accentColour      the current accent colour
     * @param showSubject       whether the original subject may be shown (as the real mails do)
     */
    public static NotificationValues of(
            URI portalLink, EmailAddress recipient, String organisationName, String accentColour, boolean showSubject) {
        return builder(portalLink, recipient)
                .organisationName(organisationName)
                .accentColour(accentColour)
                .originalSubjectAllowed(showSubject)
                .build();
    }

    /** The sample values without the branding, which {@code PortalMails} fills in. */
    public static NotificationValues.Builder builder(URI portalLink, EmailAddress recipient) {
        return NotificationValues.builder()
                .senderName("Maria Example")
                .senderAddress(EmailAddress.of("maria.example@bank.example"))
                .messageCount(1)
                .expiryDate(LocalDate.of(2030, 1, 31))
                .portalLink(portalLink)
                .registrationLink(portalLink.resolve("register.xhtml?token=SAMPLE-NOT-A-REAL-LINK"))
                .resetLink(portalLink.resolve("reset.xhtml?token=SAMPLE-NOT-A-REAL-LINK"))
                .originalSubject("Your loan agreement (sample)")
                .recipientAddress(recipient);
    }
}
