package org.sealpost.portal.notification.template;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The two notifications the portal sends to an external recipient. */
public enum TemplateKind {
    /**
     * The first secure message for an address without an account: tells the recipient a message
     * is waiting and carries the one-time registration link.
     */
    REGISTER_FIRST_MESSAGE(Placeholder.REGISTRATION_LINK),
    /** A new secure message for a registered recipient: asks them to sign in to the portal. */
    NEW_MESSAGE(Placeholder.PORTAL_LINK);

    private final Placeholder requiredLink;

    TemplateKind(Placeholder requiredLink) {
        this.requiredLink = requiredLink;
    }

    /**
     * The link both bodies must show outside any section, or the notification would leave the
     * recipient with no way in.
     */
    public Placeholder requiredLink() {
        return requiredLink;
    }

    /**
     * Whether templates of this kind may use {@code placeholder}. The registration link exists
     * only for a recipient who has not registered; a registered one signs in at the portal link.
     */
    public boolean allows(Placeholder placeholder) {
        return placeholder != Placeholder.REGISTRATION_LINK || this == REGISTER_FIRST_MESSAGE;
    }

    /** Every placeholder this kind allows, in declaration order. */
    public Set<Placeholder> placeholders() {
        return Arrays.stream(Placeholder.values()).filter(this::allows)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Placeholder.class)));
    }
}
