package org.sealpost.portal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.SearchIndexQueue.Position;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The search indexes that follow the {@link SearchIndexQueue}, one row each in {@code
 * search_index_follower} (V17, ADR 0017): how far into the queue each has taken in every row,
 * whether it is still being rebuilt from the mailbox entries, and when its node last passed by.
 * The queue keeps a row until every follower has passed it; a follower not seen for the
 * forget-after period is deleted, so a node gone for good does not hold the queue for ever.
 *
 * <p>Registering and pruning lock the table against each other: a follower that registers
 * while another node prunes is either seen by the pruning (and its position holds the rows)
 * or registers after it, at a horizon no earlier than the pruned rows.
 */
public final class IndexFollowers {

    private IndexFollowers() {}

    /**
     * One follower. {@code rebuiltThroughEntry} is empty once the index holds every mailbox
     * entry; while it is being rebuilt, every entry up to that id is in it.
     */
    public record Follower(
            UUID indexId, String nodeName, Position through, Optional<Long> rebuiltThroughEntry, Instant seenAt) {}

    /** What a pruning did. */
    public record Pruned(List<Follower> forgotten, int rows) {}

    public static Optional<Follower> find(Connection c, UUID indexId) {
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT index_id, node_name, through_tx::text, through_id, rebuilt_through_entry, seen_at
                    FROM search_index_follower WHERE index_id = ?""")) {
                ps.setObject(1, indexId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(follower(rs)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Every follower, slowest first. */
    public static List<Follower> all(Connection c) {
        try {
            List<Follower> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT index_id, node_name, through_tx::text, through_id, rebuilt_through_entry, seen_at
                    FROM search_index_follower ORDER BY through_tx, through_id""");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(follower(rs));
                }
            }
            return all;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Follower follower(ResultSet rs) throws SQLException {
        long rebuilt = rs.getLong(5);
        Optional<Long> rebuilding = rs.wasNull() ? Optional.empty() : Optional.of(rebuilt);
        return new Follower(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                new Position(Long.parseUnsignedLong(rs.getString(3)), rs.getLong(4)),
                rebuilding,
                rs.getTimestamp(6).toInstant());
    }

    /**
     * Registers an empty index that is to be rebuilt: its position is the current horizon (every
     * change before it is in the mailbox entries the rebuild reads; every later one is in the
     * queue, kept for it), and its rebuild starts at the first entry. Replaces a row the index
     * may have had before it was forgotten.
     *
     * @return the position it starts from
     */
    public static Position registerForRebuild(Connection c, UUID indexId, String nodeName) {
        try {
            return inTransaction(c, () -> {
                lock(c);
                Position start = Position.before(SearchIndexQueue.horizon(c));
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO search_index_follower (index_id, node_name, through_tx, through_id, rebuilt_through_entry)
                        VALUES (?, ?, CAST(? AS xid8), ?, 0)
                        ON CONFLICT (index_id) DO UPDATE SET node_name = EXCLUDED.node_name,
                            through_tx = EXCLUDED.through_tx, through_id = EXCLUDED.through_id,
                            rebuilt_through_entry = 0, registered_at = now(), seen_at = now()""")) {
                    ps.setObject(1, indexId);
                    ps.setString(2, nodeName);
                    ps.setString(3, Long.toUnsignedString(start.tx()));
                    ps.setLong(4, start.id());
                    ps.executeUpdate();
                }
                return start;
            });
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Records how far the index has got, after its Lucene commit, and that its node is alive.
     *
     * @return false when the follower is no longer registered: it was forgotten, and the rows it
     *         had not passed may be gone
     */
    public static boolean advance(Connection c, UUID indexId, Position through, Optional<Long> rebuiltThroughEntry) {
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE search_index_follower SET through_tx = CAST(? AS xid8), through_id = ?,
                        rebuilt_through_entry = ?, seen_at = now()
                    WHERE index_id = ?""")) {
                ps.setString(1, Long.toUnsignedString(through.tx()));
                ps.setLong(2, through.id());
                ps.setObject(3, rebuiltThroughEntry.orElse(null), java.sql.Types.BIGINT);
                ps.setObject(4, indexId);
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Forgets the followers not seen for {@code forgetAfter}, then deletes the queue rows every
     * remaining follower has passed (with no follower left, every final row: a follower that
     * registers later rebuilds from the mailbox entries and needs no row before its horizon).
     */
    public static Pruned pruneQueue(Connection c, Duration forgetAfter) {
        try {
            return inTransaction(c, () -> {
                lock(c);
                List<Follower> forgotten = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        DELETE FROM search_index_follower WHERE seen_at < now() - ?::interval
                        RETURNING index_id, node_name, through_tx::text, through_id, rebuilt_through_entry, seen_at""")) {
                    ps.setString(1, forgetAfter.toSeconds() + " seconds");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            forgotten.add(follower(rs));
                        }
                    }
                }
                Position bound = slowest(c).orElse(Position.before(SearchIndexQueue.horizon(c)));
                return new Pruned(forgotten, SearchIndexQueue.pruneThrough(c, bound));
            });
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * What the search indexes have still to take in: the queue rows after the slowest
     * follower's position (every row when none follows yet).
     */
    public static SearchIndexQueue.Lag lag(Connection c) {
        try {
            return SearchIndexQueue.lagAfter(c, slowest(c).orElse(Position.START));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Optional<Position> slowest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT through_tx::text, through_id FROM search_index_follower ORDER BY through_tx, through_id LIMIT 1""");
                ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? Optional.of(new Position(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
                    : Optional.empty();
        }
    }

    /** Self-conflicting, and conflicting with the heartbeat's UPDATE only for the moment of a pruning. */
    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("LOCK TABLE search_index_follower IN SHARE ROW EXCLUSIVE MODE")) {
            ps.execute();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static StorageUnavailableException unavailable(SQLException e) {
        return new StorageUnavailableException("the search index followers cannot be read or written now", e);
    }
}
