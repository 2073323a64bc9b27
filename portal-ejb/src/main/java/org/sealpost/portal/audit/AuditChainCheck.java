package org.sealpost.portal.audit;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * A verification as the portal's button and {@code ./sealpost audit verify} run it: link what
 * is committed, verify, remember the time and result for the overview page, and record the
 * check itself in the audit trail. Plain code over the caller's entity manager and its
 * transaction's connection, so
 * the command line (outside the container) and the portal run the same steps.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {}

    /** Verifies in the caller's transaction; the check's own event is linked by the next pass. */
    public static ChainVerdict run(EntityManager em, String actor, String clientAddress, Instant now) {
        return run(em, actor, clientAddress, now, null);
    }

    /** The same, also checking an anchor written down earlier ({@code null}: none). */
    public static ChainVerdict run(
            EntityManager em, String actor, String clientAddress, Instant now, ChainAnchor anchor) {
        ChainVerdict verdict = AuditChainVerifier.verify(em, anchor);
        Connection c = em.unwrap(Connection.class);
        try {
            AuditChainHead.recordCheck(c, new ChainCheck(now, actor, verdict.intact(), verdict.describe()));
        } catch (SQLException e) {
            throw AuditTrail.unavailable("verified", e);
        }
        AuditTrail.on(c)
                .record(
                        actor,
                        AuditAction.AUDIT_CHAIN_CHECKED,
                        "audit_chain",
                        Long.toString(verdict.headSeq()),
                        clientAddress,
                        verdict.describe(),
                        now);
        return verdict;
    }

    /** The time and result of the last verification, by whomever it ran. */
    public static Optional<ChainCheck> lastCheck(Connection c) {
        try {
            return AuditChainHead.lastCheck(c);
        } catch (SQLException e) {
            throw AuditTrail.unavailable("read", e);
        }
    }
}
