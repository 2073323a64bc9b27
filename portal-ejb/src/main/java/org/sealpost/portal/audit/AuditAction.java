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
    /** A recipient discarded a draft; its content and files are shredded. */
    DRAFT_DISCARDED,
    /** The portal policy was written: seeded from the settings on first start, or changed. */
    POLICY_CHANGED,
    /**
     * The runtime settings (branding, logo, mail bridge, delivery retries) were seeded from the
     * environment on first start, or changed by an administrator; the detail has old → new.
     */
    RUNTIME_SETTINGS_CHANGED,
    /** A mail template was saved or restored to its default; the detail has old → new. */
    MAIL_TEMPLATE_CHANGED,
    /** An administrator queued a test of a mail template to their own address. */
    MAIL_TEMPLATE_TEST_SENT
}
