package org.sealpost.portal.session;

import java.time.Instant;

/**
 * What the per-request check reads in its one query: the account's side (active? since when
 * are sessions valid?) and the session's own row, if it has one.
 *
 * @param accountActive      the account exists and is ACTIVE
 * @param sessionsValidAfter sessions that signed in before this instant are over (password
 *                           change or reset, "sign out everywhere"); null if never set
 * @param registered         the registry has a row for the session's handle on this account
 * @param endReason          why that row ended, or null while it is open
 */
public record SessionCheck(boolean accountActive, Instant sessionsValidAfter, boolean registered,
        EndReason endReason) {

    /**
     * The verdict on a session that signed in at {@code signedInAt}. The account's rules come
     * first: a session the password change ended says so, even if its row also ended later.
     * A session without a row ends as well: every sign-in registers one, so a missing row is a
     * session from before the registry, or one whose row was purged long after it ended.
     */
    public SessionVerdict verdict(Instant signedInAt) {
        if (!accountActive || signedInAt == null
                || (sessionsValidAfter != null && signedInAt.isBefore(sessionsValidAfter))
                || !registered) {
            return SessionVerdict.ENDED;
        }
        if (endReason == null) {
            return SessionVerdict.GOES_ON;
        }
        return endReason == EndReason.ENDED_FROM_OTHER_SESSION ? SessionVerdict.ENDED_FROM_OTHER_SESSION
                : SessionVerdict.ENDED;
    }
}
