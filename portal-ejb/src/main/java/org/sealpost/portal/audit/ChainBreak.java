package org.sealpost.portal.audit;

/**
 * Where and how the audit chain is broken: the first place a verification found.
 *
 * @param kind        what happened there
 * @param seq         the sequence number at which the chain breaks (for {@link Kind#REMOVED}: the first missing one)
 * @param eventId     the event found there ({@code null} when the event at {@code seq} is missing)
 * @param explanation one English sentence naming the event and what is wrong (the command line, the log)
 */
public record ChainBreak(Kind kind, long seq, Long eventId, String explanation) {

    /** What a verification can tell from the chain alone. */
    public enum Kind {
        /** A linked event's fields no longer give its hash, while the chain still links to that hash. */
        CHANGED,
        /** An event the chain does not link: beyond the head, repeating a sequence number, or with a hash nothing confirms. */
        INSERTED,
        /** A sequence number is missing: in the middle (a gap) or at the end (fewer events than the head records). */
        REMOVED,
        /**
         * The chain is consistent but no longer passes through an anchor written down earlier
         * ({@link ChainAnchor}): it was recomputed, or the database restored from an older backup.
         */
        REWRITTEN
    }
}
