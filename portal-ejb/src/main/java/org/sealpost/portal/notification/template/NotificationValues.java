package org.sealpost.portal.notification.template;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;

/**
 * What one notification says: the values for the placeholders, and whether the original subject
 * may be shown. Build with {@link #builder()}.
 *
 * @param senderName             the sender's display name, or {@code null} when there is none
 * @param senderAddress          the sender's address
 * @param messageCount           how many new messages the notification is about, at least 1
 * @param expiryDate             the date after which the (latest) message is no longer available,
 *                               or {@code null} when it does not expire
 * @param portalLink             the portal's sign-in address
 * @param registrationLink       the one-time registration address; required to render a
 *                               {@link TemplateKind#REGISTER_FIRST_MESSAGE} template, else
 *                               {@code null}
 * @param originalSubject        the message's subject, or {@code null}
 * @param originalSubjectAllowed whether the administrator allows the original subject in
 *                               notifications; when {@code false} (the default) it is treated as
 *                               absent, whatever {@code originalSubject} holds
 * @param recipientAddress       the address the notification goes to
 * @param organisationName       the organisation that runs the portal, as recipients know it
 * @param resetLink              the one-time password-reset address; required to render a
 *                               {@link TemplateKind#PASSWORD_RESET} template, else {@code null}
 * @param accentColour           the administrator's accent colour, {@code #rrggbb}
 * @param language               the language the mail is written in, which dates are formatted for
 */
public record NotificationValues(
        String senderName,
        EmailAddress senderAddress,
        int messageCount,
        LocalDate expiryDate,
        URI portalLink,
        URI registrationLink,
        String originalSubject,
        boolean originalSubjectAllowed,
        EmailAddress recipientAddress,
        String organisationName,
        URI resetLink,
        String accentColour,
        Language language) {

    /** The accent colour of a portal whose administrator chose none: a blue with 6.7:1 contrast on white. */
    public static final String DEFAULT_ACCENT_COLOUR = "#1d4ed8";

    private static final java.util.regex.Pattern COLOUR = java.util.regex.Pattern.compile("#[0-9a-f]{6}");

    public NotificationValues {
        Objects.requireNonNull(senderAddress, "senderAddress");
        Objects.requireNonNull(portalLink, "portalLink");
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(language, "language");
        if (messageCount < 1) {
            throw new IllegalArgumentException("a notification is about at least one message, not " + messageCount);
        }
        if (organisationName.isBlank()) {
            throw new IllegalArgumentException("the organisation name must not be blank");
        }
        requireWebLink(portalLink, "portalLink");
        if (registrationLink != null) {
            requireWebLink(registrationLink, "registrationLink");
        }
        if (resetLink != null) {
            requireWebLink(resetLink, "resetLink");
        }
        // The one value allowed in a style attribute: nothing but the seven characters may pass.
        if (accentColour == null || !COLOUR.matcher(accentColour).matches()) {
            throw new IllegalArgumentException("accentColour must be #rrggbb in lower case, not " + accentColour);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Links are built by the portal from its configured public address; this refuses anything but
     * an absolute http(s) address, and addresses with user information
     * ({@code https://bank.example@evil.example/}), the classic way to make a link look like
     * another site.
     */
    private static void requireWebLink(URI link, String what) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || link.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http or https address, not " + link);
        }
        if (link.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not contain user information: " + link);
        }
    }

    /** Builder with the defaults: one message, no expiry, original subject not allowed, English. */
    public static final class Builder {

        private String senderName;
        private EmailAddress senderAddress;
        private int messageCount = 1;
        private LocalDate expiryDate;
        private URI portalLink;
        private URI registrationLink;
        private String originalSubject;
        private boolean originalSubjectAllowed;
        private EmailAddress recipientAddress;
        private String organisationName;
        private URI resetLink;
        private String accentColour = DEFAULT_ACCENT_COLOUR;
        private Language language = Language.ENGLISH;

        private Builder() {}

        public Builder senderName(String senderName) {
            this.senderName = senderName;
            return this;
        }

        public Builder senderAddress(EmailAddress senderAddress) {
            this.senderAddress = senderAddress;
            return this;
        }

        public Builder messageCount(int messageCount) {
            this.messageCount = messageCount;
            return this;
        }

        public Builder expiryDate(LocalDate expiryDate) {
            this.expiryDate = expiryDate;
            return this;
        }

        public Builder portalLink(URI portalLink) {
            this.portalLink = portalLink;
            return this;
        }

        public Builder registrationLink(URI registrationLink) {
            this.registrationLink = registrationLink;
            return this;
        }

        public Builder originalSubject(String originalSubject) {
            this.originalSubject = originalSubject;
            return this;
        }

        public Builder originalSubjectAllowed(boolean originalSubjectAllowed) {
            this.originalSubjectAllowed = originalSubjectAllowed;
            return this;
        }

        public Builder recipientAddress(EmailAddress recipientAddress) {
            this.recipientAddress = recipientAddress;
            return this;
        }

        public Builder organisationName(String organisationName) {
            this.organisationName = organisationName;
            return this;
        }

        public Builder resetLink(URI resetLink) {
            this.resetLink = resetLink;
            return this;
        }

        public Builder accentColour(String accentColour) {
            this.accentColour = accentColour;
            return this;
        }

        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        public NotificationValues build() {
            return new NotificationValues(
                    senderName,
                    senderAddress,
                    messageCount,
                    expiryDate,
                    portalLink,
                    registrationLink,
                    originalSubject,
                    originalSubjectAllowed,
                    recipientAddress,
                    organisationName,
                    resetLink,
                    accentColour,
                    language);
        }
    }
}
