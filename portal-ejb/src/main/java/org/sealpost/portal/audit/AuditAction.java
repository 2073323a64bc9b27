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
    SESSION_END_REFUSED,
    /** A recipient sent a message from the portal (reply, reply all, forward or new). */
    MESSAGE_SENT,
    /** The portal policy refused a send; the detail names the reason codes, never the message's words. */
    SEND_REFUSED,
    /** A recipient discarded a draft; its content, files and wrapped keys are deleted (ADR 0012 on backups). */
    DRAFT_DISCARDED,
    /** The portal policy was written: seeded from the settings on first start, or changed. */
    POLICY_CHANGED,
    /** The audit chain was verified (the button on the audit page, {@code ./sealpost audit verify}); the detail is the verdict. */
    AUDIT_CHAIN_CHECKED,
    /** An administrator exported audit events as CSV; the detail is the filter. */
    AUDIT_LOG_EXPORTED,
    /** A new key-encryption key version became current; the re-wrap of the older keys begins. */
    KEK_ROTATED,
    /** Every data key of a rotation was re-wrapped to its version. */
    KEK_REWRAP_FINISHED,
    /** A key-encryption key version was removed from the keystore. */
    KEK_RETIRED,
    /** A retirement was refused (in use, current, too soon, unknown); nothing changed. */
    KEK_RETIRE_REFUSED
}
