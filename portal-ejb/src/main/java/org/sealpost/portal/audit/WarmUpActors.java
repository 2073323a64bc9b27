package org.sealpost.portal.audit;

/**
 * Who the portal's own start-up warm-up acts as, so that what an administrator reads and what an
 * alert counts can set its events apart (ADR 0039). The warm-up signs in, reads and is deleted
 * as a real recipient of its own, a reader at {@link #DOMAIN}, and deletes that reader as the
 * actor {@link #ACTOR}; its events are true and stay in the chain, but some two hundred sign-ins
 * per start must not push an administrator's own events off the audit page's first screen, nor
 * fire a sign-in rate alert at every restart.
 *
 * <p>No real person can hold an address at {@link #DOMAIN}: RFC 2606 (section 2) reserves
 * {@code .invalid} for names that must never resolve, and the mail bridge refuses recipients at
 * this domain, so no mail ever creates an account there.
 */
public final class WarmUpActors {

    /** The warm-up's reader accounts live at this domain, and at no other. */
    public static final String DOMAIN = "warm-up.invalid";

    /** The actor of what the warm-up does to its readers (registering and deleting them). */
    public static final String ACTOR = "warm-up";

    /** The SQL condition that holds for the warm-up's events, over {@code audit_event}'s columns. */
    static final String SQL = "(actor = '" + ACTOR + "' OR actor LIKE '%@" + DOMAIN + "')";

    private WarmUpActors() {}

    /** Whether an event by {@code actor} is the warm-up's (its reader's, or its own). */
    public static boolean isWarmUp(String actor) {
        return ACTOR.equals(actor) || (actor != null && actor.endsWith("@" + DOMAIN));
    }
}
