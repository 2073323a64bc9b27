package org.sealpost.portal.notification.template;

import java.util.Arrays;
import java.util.Optional;

/**
 * The names a notification template may use: {@code {{name}}} for the value, {@code
 * {{#name}}…{{/name}}} for a section shown only when the value is present (or the condition
 * true), {@code {{^name}}…{{/name}}} for one shown only when it is absent (or false).
 */
public enum Placeholder {
    /** The sender's display name; absent when the message had none. */
    SENDER_NAME("senderName", Use.OPTIONAL_VALUE),
    SENDER_ADDRESS("senderAddress", Use.VALUE),
    /** How many new messages the notification is about, in digits. */
    MESSAGE_COUNT("messageCount", Use.VALUE),
    /** The date after which the (latest) message is no longer available; absent when it does not expire. */
    EXPIRY_DATE("expiryDate", Use.OPTIONAL_VALUE),
    /** The portal's sign-in address. */
    PORTAL_LINK("portalLink", Use.LINK),
    /** The one-time registration address; only in {@link TemplateKind#REGISTER_FIRST_MESSAGE}. */
    REGISTRATION_LINK("registrationLink", Use.LINK),
    /**
     * The one-time password-reset address; only in {@link TemplateKind#PASSWORD_RESET}. Valid for
     * an hour, and spent when used.
     */
    RESET_LINK("resetLink", Use.LINK),
    /** The message's own subject; absent unless the administrator allows it to be shown. */
    ORIGINAL_SUBJECT("originalSubject", Use.OPTIONAL_VALUE),
    RECIPIENT_ADDRESS("recipientAddress", Use.VALUE),
    ORGANISATION_NAME("organisationName", Use.VALUE),
    /**
     * The administrator's accent colour, always {@code #rrggbb} (checked when it is set and again
     * when it is rendered), so it may stand in a {@code style} attribute where no other value may:
     * {@code style="border-top:4px solid {{accentColour}}"}.
     */
    ACCENT_COLOUR("accentColour", Use.COLOUR),
    /**
     * Not a value but a condition, true when {@code messageCount} is 1: {@code
     * {{#oneMessage}}a new message{{/oneMessage}}{{^oneMessage}}{{messageCount}} new
     * messages{{/oneMessage}}}.
     */
    ONE_MESSAGE("oneMessage", Use.CONDITION);

    private enum Use {
        VALUE,
        LINK,
        OPTIONAL_VALUE,
        CONDITION,
        COLOUR
    }

    private final String key;
    private final Use use;

    Placeholder(String key, Use use) {
        this.key = key;
        this.use = use;
    }

    /** The name as written in templates, such as {@code senderName}. */
    public String key() {
        return key;
    }

    /** The name as it appears in a template, such as <code>{{senderName}}</code>. */
    public String tag() {
        return "{{" + key + "}}";
    }

    /** Whether {@code {{name}}} renders a value (every placeholder except the conditions). */
    public boolean hasValue() {
        return use != Use.CONDITION;
    }

    /**
     * Whether {@code {{#name}}} may open a section: the values that can be absent, and the
     * conditions. A section on a value that is always there would be a mistake.
     */
    public boolean opensSection() {
        return use == Use.OPTIONAL_VALUE || use == Use.CONDITION;
    }

    /** Whether the value is an address the portal built, which may start a URL attribute. */
    public boolean isLink() {
        return use == Use.LINK;
    }

    /** Whether the value is a colour {@code #rrggbb}, which may stand in a {@code style} attribute. */
    public boolean isColour() {
        return use == Use.COLOUR;
    }

    /** Whether the value is a one-time link, which must only ever be a link's target or its text. */
    public boolean isOneTimeLink() {
        return this == REGISTRATION_LINK || this == RESET_LINK;
    }

    static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    static Optional<Placeholder> byKeyIgnoringCase(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key)).findFirst();
    }
}
