package org.sealpost.portal.notification.template;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The notifications the portal sends to an external recipient: the two about messages, and
 * the account notices that tell the address's owner its password was set, changed or reset;
 * and the one it sends its administrators when the bridge's certificate is about to expire.
 */
public enum TemplateKind {
    /**
     * The first secure message for an address without an account: tells the recipient a message
     * is waiting and carries the one-time registration link.
     */
    REGISTER_FIRST_MESSAGE(Placeholder.REGISTRATION_LINK),
    /** A new secure message for a registered recipient: asks them to sign in to the portal. */
    NEW_MESSAGE(Placeholder.PORTAL_LINK),
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

    private final Placeholder requiredLink;

    TemplateKind(Placeholder requiredLink) {
        this.requiredLink = requiredLink;
    }

    /**
     * The link both bodies must show outside any section, or the notification would leave the
     * recipient with no way in; null for the account notices, which have none.
     */
    public Placeholder requiredLink() {
        return requiredLink;
    }

    /**
     * Whether templates of this kind may use {@code placeholder}. The registration link exists
     * only for a recipient who has not registered; a registered one signs in at the portal link.
     */
    public boolean allows(Placeholder placeholder) {
        if (this == CERTIFICATE_EXPIRING) {
            return placeholder == Placeholder.ORGANISATION_NAME || placeholder == Placeholder.RECIPIENT_ADDRESS
                    || placeholder == Placeholder.EXPIRY_DATE || placeholder == Placeholder.PORTAL_LINK;
        }
        if (isAccountNotice()) {
            return placeholder == Placeholder.ORGANISATION_NAME || placeholder == Placeholder.RECIPIENT_ADDRESS;
        }
        return placeholder != Placeholder.REGISTRATION_LINK || this == REGISTER_FIRST_MESSAGE;
    }

    /** A notice about the account itself, not about messages: no link, no sender, no count. */
    public boolean isAccountNotice() {
        return requiredLink == null;
    }

    /** Every placeholder this kind allows, in declaration order. */
    public Set<Placeholder> placeholders() {
        return Arrays.stream(Placeholder.values()).filter(this::allows)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Placeholder.class)));
    }
}
