package org.sealpost.portal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The one owner of {@code audit_chain_head}: the chain's last link (sequence and hash) and the
 * last verification's time and result. Its single row is also the chain's lock: whoever links
 * events or verifies the chain holds it until its transaction ends.
 */
final class AuditChainHead {

    /** The chain's end: the last linked sequence number (0: nothing linked yet) and its hash. */
    record Head(long lastSeq, byte[] lastHash) {}

    private AuditChainHead() {}

    /**
     * The head, locked for this transaction, or empty when another transaction (another node's
     * linker, a verification) holds it: that one is extending or reading the chain, and this
     * pass has nothing to do. {@code SKIP LOCKED} so a linker never queues behind another.
     */
    static Optional<Head> lockForLinking(Connection c) throws SQLException {
        return read(c, "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE SKIP LOCKED");
    }

    /** The head, locked for this transaction, waiting for a linker's batch to commit first. */
    static Head lockForCheck(Connection c) throws SQLException {
        return read(c, "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .orElseThrow(() -> new SQLException("the audit chain head row is missing (migration V14 inserts it)"));
    }

    static void advance(Connection c, long lastSeq, byte[] lastHash, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, linked_at = ? WHERE id = 1")) {
            ps.setLong(1, lastSeq);
            ps.setBytes(2, lastHash);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    static void recordCheck(Connection c, ChainCheck check) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE audit_chain_head SET checked_at = ?, checked_by = ?, check_intact = ?, check_summary = ?
                WHERE id = 1""")) {
            ps.setTimestamp(1, Timestamp.from(check.at()));
            ps.setString(2, check.by());
            ps.setBoolean(3, check.intact());
            ps.setString(4, check.summary());
            ps.executeUpdate();
        }
    }

    static Optional<ChainCheck> lastCheck(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT checked_at, checked_by, check_intact, check_summary FROM audit_chain_head
                WHERE id = 1 AND checked_at IS NOT NULL""");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new ChainCheck(
                    rs.getObject(1, OffsetDateTime.class).toInstant(),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getString(4)));
        }
    }

    private static Optional<Head> read(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
        }
    }
}
