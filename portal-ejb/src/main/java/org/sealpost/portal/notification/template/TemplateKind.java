package org.sealpost.portal.notification.template;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every mail the portal writes itself (a recipient's own mail to a colleague is not written by
 * the portal): the two about messages, the two that carry a one-time link to an account that
 * is not yet usable or whose password was forgotten, the account notices that tell the
 * address's owner its password was set, changed or reset, and the one it sends its
 * administrators when the bridge's certificate is about to expire. Each has a default in this
 * package and may be replaced by the administrator.
 */
public enum TemplateKind {
    /**
     * The first secure message for an address without an account: tells the recipient a message
     * is waiting and carries the one-time registration link.
     */
    REGISTER_FIRST_MESSAGE(Placeholder.REGISTRATION_LINK),
    /** A new secure message for a registered recipient: asks them to sign in to the portal. */
    NEW_MESSAGE(Placeholder.PORTAL_LINK),
    /** "Reset your password": the one-time reset link a person asked for. */
    PASSWORD_RESET(Placeholder.RESET_LINK),
    /** The invitation of an administrator named in the configuration, with a one-time registration link. */
    ADMINISTRATOR_INVITATION(Placeholder.REGISTRATION_LINK),
    /**
     * Account notices (OWASP ASVS 4.0 V2.2.3): the account's password was set at registration,
     * changed, or reset. They carry no link at all: a notice that something happened must not
     * be the way in, and a mail that never has a link cannot be imitated by one that does.
     */
    ACCOUNT_REGISTERED(null),
    PASSWORD_CHANGED(null),
    PASSWORD_RESET_DONE(null),
    /**
     * To the administrators, once a day from 30 days before the bridge's TLS certificate expires
     * (issue 13): the expiry date and the portal's address; nothing about any message.
     */
    CERTIFICATE_EXPIRING(Placeholder.PORTAL_LINK);

    /** What every kind may use: who the mail is from, whom it is for, and the portal's colour. */
    private static final Set<Placeholder> EVERY_KIND =
            EnumSet.of(Placeholder.ORGANISATION_NAME, Placeholder.RECIPIENT_ADDRESS, Placeholder.ACCENT_COLOUR);

    private final Placeholder requiredLink;

    TemplateKind(Placeholder requiredLink) {
        this.requiredLink = requiredLink;
    }

    /**
     * The link both bodies must show outside any section, or the mail would leave the recipient
     * with no way in; null for the account notices, which have none.
     */
    public Placeholder requiredLink() {
        return requiredLink;
    }

    /**
     * Whether templates of this kind may use {@code placeholder}. A one-time link exists only in
     * the mail it was minted for; a registered recipient signs in at the portal link; the mails
     * about accounts know nothing of messages.
     */
    public boolean allows(Placeholder placeholder) {
        if (EVERY_KIND.contains(placeholder)) {
            return true;
        }
        return switch (this) {
            case REGISTER_FIRST_MESSAGE -> placeholder != Placeholder.RESET_LINK;
            case NEW_MESSAGE -> !placeholder.isOneTimeLink();
            case PASSWORD_RESET -> placeholder == Placeholder.RESET_LINK || placeholder == Placeholder.PORTAL_LINK;
            case ADMINISTRATOR_INVITATION ->
                placeholder == Placeholder.REGISTRATION_LINK || placeholder == Placeholder.PORTAL_LINK;
            case ACCOUNT_REGISTERED, PASSWORD_CHANGED, PASSWORD_RESET_DONE -> false;
            case CERTIFICATE_EXPIRING ->
                placeholder == Placeholder.EXPIRY_DATE || placeholder == Placeholder.PORTAL_LINK;
        };
    }

    /** A notice about the account itself, not about messages: no link, no sender, no count. */
    public boolean isAccountNotice() {
        return requiredLink == null;
    }

    /** Whether the mail is about messages (it names a sender and counts messages). */
    public boolean isAboutMessages() {
        return this == REGISTER_FIRST_MESSAGE || this == NEW_MESSAGE;
    }

    /** Every placeholder this kind allows, in declaration order. */
    public Set<Placeholder> placeholders() {
        return Arrays.stream(Placeholder.values())
                .filter(this::allows)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Placeholder.class)));
    }
}
