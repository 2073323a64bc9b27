package org.sealpost.portal.audit;

/** What an audit event records. */
public enum AuditAction {
    MESSAGE_RECEIVED,
    REGISTRATION_LINK_REQUESTED,
    REGISTERED,
    REGISTRATION_REFUSED,
    SIGNED_IN,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    SIGNED_OUT,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    MESSAGE_DELETED
}
