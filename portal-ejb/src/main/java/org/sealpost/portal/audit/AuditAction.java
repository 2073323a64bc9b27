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
    /** The bridge's certificate of an existing deployment (file or SEALPOST_SMTP_KEYSTORE) was stored as the current one. */
    BRIDGE_CERTIFICATE_ADOPTED,
    /** A new self-signed certificate replaced the bridge's. */
    BRIDGE_CERTIFICATE_SELF_SIGNED,
    /** A new key was generated and its certificate signing request handed out. */
    BRIDGE_CERTIFICATE_REQUESTED,
    /** A CA's chain (for the waiting key) or a PKCS#12 file replaced the bridge's certificate. */
    BRIDGE_CERTIFICATE_IMPORTED,
    /** The previous certificate was brought back. */
    BRIDGE_CERTIFICATE_ROLLED_BACK,
    /** Trust anchors for the smarthost connection were imported. */
    SMARTHOST_TRUST_ANCHORS_IMPORTED,
    /** A smarthost trust anchor was removed. */
    SMARTHOST_TRUST_ANCHOR_REMOVED,

    // The administration console (issue 12); each detail names the old and the new value.
    /** An administrator lifted an account's lock or failure back-off. */
    ACCOUNT_UNLOCKED,
    /** An administrator disabled an account; its sessions ended. */
    ACCOUNT_DISABLED,
    /** An administrator enabled a disabled account again. */
    ACCOUNT_ENABLED,
    /** An administrator sent an account a new registration link or a password-reset link. */
    ACCOUNT_LINK_SENT,
    /** An administrator ended every session of an account. */
    ACCOUNT_SESSIONS_ENDED,
    /** An administrator deleted an account and its messages (crypto-shredded). */
    ACCOUNT_DELETED,
    /** An administrator asked for an undelivered mail to be tried again now. */
    OUTBOUND_RETRIED,
    /** An administrator gave an undelivered mail up. */
    OUTBOUND_GIVEN_UP,
    /** An administrator deleted an undelivered mail from the queue. */
    OUTBOUND_DELETED,
    /** A new key-encryption key version became current; the re-wrap of the older keys begins. */
    KEK_ROTATED,
    /** Every data key of a rotation was re-wrapped to its version. */
    KEK_REWRAP_FINISHED,
    /** A key-encryption key version was removed from the keystore. */
    KEK_RETIRED,
    /** A retirement was refused (in use, current, too soon, unknown); nothing changed. */
    KEK_RETIRE_REFUSED,
    /**
     * The runtime settings (branding, logo, mail bridge, delivery retries) were seeded from the
     * environment on first start, or changed by an administrator; the detail has old → new.
     */
    RUNTIME_SETTINGS_CHANGED,
    /** A mail template was saved or restored to its default; the detail has old → new. */
    MAIL_TEMPLATE_CHANGED,
    /** An administrator queued a test of a mail template to their own address. */
    MAIL_TEMPLATE_TEST_SENT,
    /** The password was right and the sign-in waits for the account's second factor (or its enrolment). */
    SIGN_IN_AWAITS_SECOND_FACTOR,
    /** An authenticator was enrolled and confirmed with a code; ten recovery codes were issued. */
    SECOND_FACTOR_ENROLLED,
    /**
     * The sign-in's second step failed: a wrong authentication or recovery code (counted like a
     * wrong password), or an attempt on a locked account. Listed on the owner's account page.
     */
    SECOND_FACTOR_FAILED,
    /** An authentication code of an already used time step was refused (RFC 6238 §5.2). */
    SECOND_FACTOR_REPLAYED,
    /** A recovery code signed in; it is spent. */
    RECOVERY_CODE_USED,
    /** The owner replaced their recovery codes with a new set. */
    RECOVERY_CODES_REGENERATED,
    /** The owner turned their second factor off. */
    SECOND_FACTOR_DISABLED,
    /**
     * A change of the second factor was refused: turning it off or new recovery codes (wrong
     * proof, or required), or a wrong code confirming an enrolment.
     */
    SECOND_FACTOR_CHANGE_REFUSED
}
