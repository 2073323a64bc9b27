package org.sealpost.portal.audit;

import java.time.Instant;

/**
 * Which events the audit page shows and exports; each part is optional ({@code null}: no
 * restriction).
 *
 * @param actor     events done by this actor (an account's address, {@code system},
 *                  {@code mail-bridge}, {@code operator:<user>})
 * @param accountId with {@code actor}: also the events done to this account (its target)
 * @param kind      only this kind of event
 * @param from      events at or after this instant
 * @param until     events before this instant
 * @param warmUp    whether the portal's own start-up warm-up's events are included ({@link
 *                  WarmUpActors}): its reader's some two hundred sign-ins per start would
 *                  otherwise fill the audit page's first screens after every restart (ADR 0039)
 */
public record AuditFilter(String actor, Long accountId, AuditAction kind, Instant from, Instant until, boolean warmUp)
        implements java.io.Serializable {

    /** Every event, the warm-up's included. */
    public static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null, true);

    /** What the audit page shows before a filter is applied: every event but the warm-up's. */
    public static final AuditFilter EVERYTHING_BUT_WARM_UP = new AuditFilter(null, null, null, null, null, false);

    /** Events by these parts, the warm-up's included. */
    public AuditFilter(String actor, Long accountId, AuditAction kind, Instant from, Instant until) {
        this(actor, accountId, kind, from, until, true);
    }

    public AuditFilter {
        if (accountId != null && actor == null) {
            throw new IllegalArgumentException("an account is filtered by its address");
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the time range ends before it starts");
        }
    }

    /** The filter in words, for the export's audit event. */
    public String describe() {
        return "account " + (actor == null ? "any" : actor) + (accountId == null ? "" : " (id " + accountId + ")")
                + ", kind " + (kind == null ? "any" : kind.name())
                + ", from " + (from == null ? "the start" : from.toString())
                + ", until " + (until == null ? "now" : until.toString())
                + ", the portal's warm-up " + (warmUp ? "included" : "left out");
    }
}
