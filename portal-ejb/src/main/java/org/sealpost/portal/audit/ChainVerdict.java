package org.sealpost.portal.audit;

import java.time.Instant;

/**
 * The result of walking the audit chain.
 *
 * @param checked       linked events checked (up to the break, when there is one)
 * @param headSeq       the last sequence number the chain head records
 * @param headHash      the chain head's hash in hex: write it down elsewhere to notice later that
 *                      someone recomputed the chain from an earlier point (ADR 0014)
 * @param waiting       events recorded but not linked yet (the unlinked tail, not part of the verdict)
 * @param oldestWaiting when the oldest of them happened, or {@code null}
 * @param breakage      the first break, or {@code null} when the chain is intact
 */
public record ChainVerdict(
        long checked, long headSeq, String headHash, long waiting, Instant oldestWaiting, ChainBreak breakage) {

    public boolean intact() {
        return breakage == null;
    }

    /** The verdict in English sentences, for the command line, the log and the stored last check. */
    public String describe() {
        String tail = waiting == 0
                ? ""
                : " " + waiting + " newer event(s) wait to be linked (the oldest from " + oldestWaiting + ").";
        if (intact() && headSeq == 0) {
            return "The audit chain is intact: no event has been linked yet." + tail;
        }
        if (intact()) {
            return "The audit chain is intact: " + checked + " event(s), sequence 1 to " + headSeq + ", head hash "
                    + headHash + "." + tail;
        }
        return "The audit chain is broken at sequence " + breakage.seq()
                + (breakage.eventId() == null ? "" : " (event " + breakage.eventId() + ")") + ": "
                + breakage.explanation() + tail;
    }
}
