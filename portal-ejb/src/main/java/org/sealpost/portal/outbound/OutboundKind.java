package org.sealpost.portal.outbound;

/**
 * What a row of the outbound queue is, as column {@code outbound_mail.kind} stores it (the
 * migrations' CHECK constraint lists the same names).
 */
public enum OutboundKind {
    /** "A secure message is waiting": the registration link or the sign-in link. */
    NOTIFY_NEW_MESSAGE,
    /** A message a portal user wrote to a colleague, sent as it was sealed. */
    RELAY,
    /** A registration link the person asked for again. */
    REGISTRATION_LINK,
    /** A password-reset link. */
    PASSWORD_RESET,
    /** "Your password was set", no link. */
    ACCOUNT_REGISTERED,
    /** "Your password was changed", no link. */
    PASSWORD_CHANGED,
    /** "Your password was reset", no link. */
    PASSWORD_RESET_DONE,
    /** To an administrator: the bridge's TLS certificate expires soon (at most one a day, cluster-wide). */
    CERTIFICATE_EXPIRING,
    /** An administrator's "send me a test" of one template, with sample values and links that open nothing. */
    TEMPLATE_TEST
}
