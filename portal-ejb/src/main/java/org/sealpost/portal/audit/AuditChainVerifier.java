package org.sealpost.portal.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Walks the audit chain from sequence 1 in batches (never the whole table in memory) and names
 * the FIRST place where it is broken (ADR 0014):
 *
 * <ul>
 * <li><b>removed</b>: a sequence number is missing. Numbers are given without gaps (the linker
 * numbers only committed rows), so a gap, or a chain that ends before the head's last number,
 * means events were deleted.</li>
 * <li><b>changed</b>: an event's fields no longer give its stored hash, but the chain still
 * vouches for that hash (the next event was linked to it, or the head records it): the event
 * was edited after it was linked.</li>
 * <li><b>inserted</b>: an event the chain does not vouch for: its sequence number lies beyond the
 * head, repeats another event's, or its hash is confirmed neither by its fields nor by the next
 * event (a forged row, or one replaced together with its hash).</li>
 * </ul>
 *
 * What the chain cannot tell: someone able to write the table who recomputes every hash from
 * the point of a change onward, head included, leaves a consistent chain. Compare the head hash
 * a verification reports with one written down elsewhere earlier to catch that (ADR 0014).
 */
public final class AuditChainVerifier {

    static final int BATCH = 1000;

    private AuditChainVerifier() {}

    /**
     * Verifies the chain in the caller's transaction, holding the chain head so that no linker
     * extends the chain meanwhile (linkers skip their pass; recording events goes on).
     */
    public static ChainVerdict verify(EntityManager em) {
        return verify(em, null);
    }

    /**
     * The same, also checking that the chain still passes through {@code anchor} (may be
     * {@code null}): a point written down earlier, which a chain recomputed from before it no
     * longer holds.
     */
    public static ChainVerdict verify(EntityManager em, ChainAnchor anchor) {
        try {
            // The head's lock (SKIP LOCKED) is SQL on the connection of em's transaction; the
            // walk and the unlinked tail's count are JPQL on em (ADR 0003).
            Connection c = em.unwrap(Connection.class);
            if (c == null) {
                throw new SQLException("no transaction: the entity manager has no connection to verify on");
            }
            return walk(c, em, anchor);
        } catch (SQLException e) {
            throw AuditTrail.unavailable("verified", e);
        } catch (PersistenceException e) {
            throw new AuditUnavailableException("the audit trail cannot be verified now: " + e.getMessage(), e);
        }
    }

    private static ChainVerdict walk(Connection c, EntityManager em, ChainAnchor anchor) throws SQLException {
        AuditChainHead.Head head = AuditChainHead.lockForCheck(c);
        byte[] hashAtAnchor = null;
        Walk walk = new Walk(em);
        long expected = 1;
        byte[] previousHash = AuditChainHash.genesis();
        AuditEvent previous = null;
        ChainBreak breakage = null;
        while (breakage == null && walk.hasNext()) {
            AuditEvent event = walk.next();
            long seq = event.chainSeq();
            if (seq < expected) {
                breakage = new ChainBreak(
                        ChainBreak.Kind.INSERTED,
                        seq,
                        event.id(),
                        "event " + event.id()
                                + (previous == null
                                        ? " carries sequence " + seq + ", before the chain's first"
                                        : " repeats sequence " + seq + ", which event " + previous.id()
                                                + " already has")
                                + " (inserted).");
            } else if (seq > expected && expected <= head.lastSeq()) {
                breakage = new ChainBreak(
                        ChainBreak.Kind.REMOVED,
                        expected,
                        null,
                        "sequence " + expected
                                + " is missing: the chain goes from "
                                + (previous == null
                                        ? "its start"
                                        : "event " + previous.id() + " (sequence " + (expected - 1) + ")")
                                + " to event " + event.id() + " (sequence " + seq + ") (removed).");
            } else if (seq > head.lastSeq()) {
                breakage = new ChainBreak(
                        ChainBreak.Kind.INSERTED,
                        seq,
                        event.id(),
                        "event " + event.id()
                                + " carries sequence " + seq + ", beyond the chain head's " + head.lastSeq()
                                + ": the portal never linked it (inserted).");
            } else if (!MessageDigest.isEqual(AuditChainHash.hash(event, seq, previousHash), event.chainHash())) {
                breakage = vouchedFor(event, seq, head, walk.peek())
                        ? new ChainBreak(
                                ChainBreak.Kind.CHANGED,
                                seq,
                                event.id(),
                                "event " + event.id()
                                        + " was changed after it was linked: its fields no longer give its hash, to which "
                                        + (seq == head.lastSeq() ? "the chain head" : "the next event")
                                        + " still links.")
                        : new ChainBreak(
                                ChainBreak.Kind.INSERTED,
                                seq,
                                event.id(),
                                "event " + event.id()
                                        + " does not belong to the chain: neither its fields nor the next link confirm its"
                                        + " hash (inserted, or replaced together with its hash).");
            } else {
                if (anchor != null && seq == anchor.seq()) {
                    hashAtAnchor = event.chainHash();
                }
                previousHash = event.chainHash();
                previous = event;
                expected++;
            }
        }
        long checked = expected - 1;
        if (breakage == null && checked < head.lastSeq()) {
            breakage = new ChainBreak(
                    ChainBreak.Kind.REMOVED,
                    expected,
                    null,
                    "sequence " + expected
                            + (expected == head.lastSeq() ? "" : " to " + head.lastSeq())
                            + " missing at the end of the chain, whose head records " + head.lastSeq() + " (removed).");
        } else if (breakage == null && !MessageDigest.isEqual(previousHash, head.lastHash())) {
            breakage = new ChainBreak(
                    ChainBreak.Kind.CHANGED,
                    head.lastSeq(),
                    previous == null ? null : previous.id(),
                    "the chain head's hash is not the hash of its last event (the head was changed).");
        }
        if (breakage == null && anchor != null && hashAtAnchor == null) {
            breakage = new ChainBreak(
                    ChainBreak.Kind.REWRITTEN,
                    anchor.seq(),
                    null,
                    "the anchor's sequence "
                            + anchor.seq() + " lies beyond the chain's end at " + checked
                            + ": events were removed and the head"
                            + " lowered, or the database was restored from an older backup.");
        } else if (breakage == null && anchor != null && !MessageDigest.isEqual(hashAtAnchor, anchor.hash())) {
            breakage = new ChainBreak(
                    ChainBreak.Kind.REWRITTEN,
                    anchor.seq(),
                    null,
                    "sequence " + anchor.seq()
                            + " has the hash " + AuditChainHash.hex(hashAtAnchor) + ", not the anchor's "
                            + AuditChainHash.hex(anchor.hash()) + ": the chain was recomputed from there or earlier.");
        }
        AuditTrail.Unlinked waiting = AuditTrail.unlinkedTail(em);
        return new ChainVerdict(
                checked,
                head.lastSeq(),
                AuditChainHash.hex(head.lastHash()),
                waiting.count(),
                waiting.oldest(),
                breakage);
    }

    /** Whether the chain still vouches for {@code event}'s stored hash: the next link or the head was made from it. */
    private static boolean vouchedFor(AuditEvent event, long seq, AuditChainHead.Head head, AuditEvent next) {
        if (seq == head.lastSeq()) {
            return MessageDigest.isEqual(head.lastHash(), event.chainHash());
        }
        return next != null
                && next.chainSeq() == seq + 1
                && MessageDigest.isEqual(AuditChainHash.hash(next, seq + 1, event.chainHash()), next.chainHash());
    }

    /** The linked events in chain order, read a batch at a time, with one event of look-ahead. */
    private static final class Walk {

        private final EntityManager em;
        private List<AuditEvent> batch = List.of();
        private int position;
        private boolean exhausted;
        private long afterSeq;
        private long afterId;

        Walk(EntityManager em) {
            this.em = em;
        }

        boolean hasNext() throws SQLException {
            fill();
            return position < batch.size();
        }

        AuditEvent next() throws SQLException {
            fill();
            return batch.get(position++);
        }

        AuditEvent peek() throws SQLException {
            return hasNext() ? batch.get(position) : null;
        }

        private void fill() throws SQLException {
            if (position < batch.size() || exhausted) {
                return;
            }
            batch = AuditTrail.linkedAfter(em, afterSeq, afterId, BATCH);
            position = 0;
            exhausted = batch.size() < BATCH;
            if (!batch.isEmpty()) {
                AuditEvent last = batch.get(batch.size() - 1);
                afterSeq = last.chainSeq();
                afterId = last.id();
            }
        }
    }
}
