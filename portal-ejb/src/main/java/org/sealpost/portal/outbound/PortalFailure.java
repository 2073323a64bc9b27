package org.sealpost.portal.outbound;

import java.util.Optional;

/**
 * Why the portal itself, not the smarthost, stopped a queued mail. The queue keeps one text per
 * row ({@code outbound_mail.last_error}): the smarthost's or the TLS layer's own words, which
 * are shown as they came, or one of these codes, {@code CODE} or {@code CODE: detail}, which
 * the administrator's page says from its bundle. A code is upper case with underscores, which
 * an SMTP reply (RFC 5321 §4.2: it starts with a three-digit code) or a Java exception's
 * message does not start with.
 */
public enum PortalFailure {
    /** The message was deleted for ever (shredded) before the mail about it was sent. */
    MESSAGE_DELETED,
    /** The message does not open (a damaged row or a retired key); the detail is for the log. */
    MESSAGE_UNREADABLE,
    /** An administrator gave the mail up; the detail is the administrator's address. */
    GIVEN_UP_BY_ADMINISTRATOR;

    private static final String SEPARATOR = ": ";

    /** The text the queue keeps. */
    public String stored() {
        return name();
    }

    /** The text the queue keeps, with its detail. */
    public String stored(String detail) {
        return name() + SEPARATOR + detail;
    }

    /** The code at the start of a kept text, if it is one of the portal's own. */
    public static Optional<PortalFailure> of(String lastError) {
        if (lastError == null) {
            return Optional.empty();
        }
        int end = lastError.indexOf(SEPARATOR);
        String code = end < 0 ? lastError : lastError.substring(0, end);
        for (PortalFailure failure : values()) {
            if (failure.name().equals(code)) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    /** The detail after the code of a kept text, or empty. */
    public static String detail(String lastError) {
        int end = lastError == null ? -1 : lastError.indexOf(SEPARATOR);
        return end < 0 ? "" : lastError.substring(end + SEPARATOR.length());
    }
}
