package org.sealpost.portal.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Links committed audit events into the chain (ADR 0014): in the caller's transaction, holding
 * the chain head, the oldest unlinked events by id get the next sequence numbers and their
 * hashes ({@link AuditChainHash}), and the head moves to the last of them.
 *
 * <p>Why after the commit and not at the insert: a writer that linked its own row would have to
 * hold the chain's lock from its insert until its commit (the next writer needs its hash), so
 * every intake transaction on every node would wait for the one before it, WAL flush included.
 * Here writers never wait for each other; only committed rows are visible to the linker, so a
 * transaction that rolls back never leaves a hole in the sequence, and a transaction that
 * commits late is simply linked later (the chain's order is the order of linking, not of ids).
 */
public final class AuditChainLinker {

    /** Events linked per transaction: one batch of updates, a short hold on the head. */
    public static final int BATCH = 500;

    private AuditChainLinker() {}

    /**
     * Links up to {@link #BATCH} events. Returns how many; 0 when nothing waits or when another
     * transaction holds the head (another node is linking, or a verification runs): that one
     * does the work, this pass skips rather than queue behind it.
     */
    public static int linkBatch(Connection c, Instant now) {
        try {
            return link(c, now);
        } catch (SQLException e) {
            throw AuditTrail.unavailable("linked", e);
        }
    }

    private static int link(Connection c, Instant now) throws SQLException {
        Optional<AuditChainHead.Head> head = AuditChainHead.lockForLinking(c);
        if (head.isEmpty()) {
            return 0;
        }
        List<AuditEvent> events = AuditTrail.unlinked(c, BATCH);
        if (events.isEmpty()) {
            return 0;
        }
        long seq = head.get().lastSeq();
        byte[] previous = head.get().lastHash();
        List<AuditTrail.Link> links = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            seq++;
            previous = AuditChainHash.hash(event, seq, previous);
            links.add(new AuditTrail.Link(event.id(), seq, previous));
        }
        AuditTrail.link(c, links);
        AuditChainHead.advance(c, seq, previous, now);
        return events.size();
    }

    /** Links everything committed so far, batch after batch, in the caller's one transaction. */
    public static long linkAll(Connection c, Instant now) {
        long total = 0;
        int linked;
        do {
            linked = linkBatch(c, now);
            total += linked;
        } while (linked == BATCH);
        return total;
    }
}
