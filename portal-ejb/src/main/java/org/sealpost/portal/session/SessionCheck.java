package org.sealpost.portal.session;

import java.time.Duration;
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
public record SessionCheck(
        boolean accountActive,
        Instant sessionsValidAfter,
        boolean registered,
        EndReason endReason,
        Instant registeredAt) {

    /** A check that knows nothing of when the session's row was registered. */
    public SessionCheck(boolean accountActive, Instant sessionsValidAfter, boolean registered, EndReason endReason) {
        this(accountActive, sessionsValidAfter, registered, endReason, null);
    }

    /**
     * The verdict at {@code now} with an absolute lifetime: however active, a session whose
     * registry row is {@code maxAge} old or older ends (OWASP ASVS 4.0 V3.3.2, NIST SP 800-63B
     * §7.2). The row's time, not the session's own sign-in time, counts: proving the password
     * again on the account page renews the latter and must not extend the lifetime.
     */
    public SessionVerdict verdict(Instant signedInAt, Instant now, Duration maxAge) {
        SessionVerdict verdict = verdict(signedInAt);
        if (verdict == SessionVerdict.GOES_ON && registeredAt != null && !now.isBefore(registeredAt.plus(maxAge))) {
            return SessionVerdict.REACHED_MAX_AGE;
        }
        return verdict;
    }

    /**
     * The verdict on a session that signed in at {@code signedInAt}. The account's rules come
     * first: a session the password change ended says so, even if its row also ended later.
     * A session without a row ends as well: every sign-in registers one, so a missing row is a
     * session from before the registry, or one whose row was purged long after it ended.
     */
    public SessionVerdict verdict(Instant signedInAt) {
        if (!accountActive
                || signedInAt == null
                || (sessionsValidAfter != null && signedInAt.isBefore(sessionsValidAfter))
                || !registered) {
            return SessionVerdict.ENDED;
        }
        if (endReason == null) {
            return SessionVerdict.GOES_ON;
        }
        return endReason == EndReason.ENDED_FROM_OTHER_SESSION
                ? SessionVerdict.ENDED_FROM_OTHER_SESSION
                : SessionVerdict.ENDED;
    }
}
