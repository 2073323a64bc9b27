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
    MESSAGE_DELETED,
    PASSWORD_CHANGE_REFUSED,
    SIGNED_OUT_EVERYWHERE,
    /** The owner signed out another session of their account from the account page. */
    SIGNED_OUT_OTHER_SESSION,
    /** A sign-out of another session named no open session of the caller's account. */
    SESSION_END_REFUSED
}
