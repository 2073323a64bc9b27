package org.sealpost.portal.audit;

import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * What the warm-up's readers do on purpose: sign in and out. A refused sign-in with a
     * reader's address is not the warm-up's (its readers' passwords are random and known to the
     * process alone): someone tried, and the audit page and the failure meters show it as any.
     */
    private static final Set<String> READER_DEEDS = Set.of(AuditAction.SIGNED_IN.name(), AuditAction.SIGNED_OUT.name());

    /** The SQL condition that holds for the warm-up's events, over {@code audit_event}'s columns. */
    static final String SQL = "(actor = '" + ACTOR + "' OR (actor LIKE '%@" + DOMAIN + "' AND action IN ("
            + READER_DEEDS.stream().sorted().map(a -> "'" + a + "'").collect(Collectors.joining(", ")) + ")))";

    private WarmUpActors() {}

    /** Whether {@code action} by {@code actor} is the warm-up's (its readers', or its own). */
    public static boolean isWarmUp(String actor, String action) {
        return ACTOR.equals(actor) || (actor != null && actor.endsWith("@" + DOMAIN) && READER_DEEDS.contains(action));
    }
}
