package org.sealpost.portal.session;

/** What the validity check says about a session's request. */
public enum SessionVerdict {
    /** The session goes on. */
    GOES_ON,
    /**
     * The account ended it: password changed or reset, "sign out everywhere", the account is
     * no longer active, or the session is not (or no longer) in the registry.
     */
    ENDED,
    /** Another session of the same account signed this one out from the account page. */
    ENDED_FROM_OTHER_SESSION,
    /** The session is as old as the absolute lifetime ({@code SEALPOST_SESSION_MAX_AGE}) allows. */
    REACHED_MAX_AGE
}
