package org.sealpost.portal.session;

/** Why a session ended; stored with the ended row and shown to the person it ended. */
public enum EndReason {
    /** Its owner pressed "Sign out" in it. */
    SIGNED_OUT,
    /** Idle longer than the session timeout, so the container discarded it. */
    EXPIRED,
    /** Another session of the same account pressed "Sign out" on it. */
    ENDED_FROM_OTHER_SESSION,
    /** "Sign out everywhere" in any session of the account. */
    SIGNED_OUT_EVERYWHERE,
    /** The password was changed (the changing session goes on) or reset. */
    PASSWORD_REPLACED,
    /** An administrator ended the account's sessions, disabled the account or deleted it. */
    ENDED_BY_ADMINISTRATOR
}
