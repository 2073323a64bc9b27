package org.sealpost.portal.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The durable list of mailbox entries whose search index document is out of date: a
 * transactional outbox (ADR 0007). Whoever changes an entry writes a row here on the same
 * connection, in the same transaction, so a committed change is never missed by the index and
 * a rolled-back one never reaches it. Every node's search indexer reads the rows after the fact
 * from a position of its own (ADR 0017), and a row is deleted once every node has passed it.
 *
 * <p>A row says only "look at entry N of account A again", never what changed, and holds no
 * text: the indexer reads the entry as it is then (index it, or remove it if it is gone), so
 * rows for one entry may be handled in any number and order and the index still ends up
 * matching the database.
 */
public final class SearchIndexQueue {

    private SearchIndexQueue() {}

    /** The entry changed: folder, arrival, or deletion (the row outlives the entry). */
    public static void enqueue(Connection c, long accountId, long entryId) {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO search_index_queue (account_id, entry_id) VALUES (?, ?)")) {
            ps.setLong(1, accountId);
            ps.setLong(2, entryId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Each of the entries changed: one statement, whatever their number. */
    public static void enqueueAll(Connection c, List<StoredMessages.EntryKey> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO search_index_queue (account_id, entry_id)
                SELECT * FROM unnest(?::bigint[], ?::bigint[])""")) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "bigint",
                            entries.stream()
                                    .map(StoredMessages.EntryKey::accountId)
                                    .toArray()));
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "bigint",
                            entries.stream()
                                    .map(StoredMessages.EntryKey::entryId)
                                    .toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Every entry of a message just stored (a Sent copy and its external recipients' copies). */
    public static void enqueueEntriesOf(Connection c, UUID contentId) {
        enqueueAll(c, StoredMessages.entryKeysOf(c, contentId));
    }

    /**
     * A place in the queue's read order, (writing transaction, id): the order in which rows
     * become final (ADR 0017). A row's id alone is not that order, because the transaction
     * holding id 100 may commit after the one holding 101.
     */
    public record Position(long tx, long id) implements Comparable<Position> {

        /** Before every row. */
        public static final Position START = new Position(0, 0);

        /** Just before every row written by transaction {@code tx} or a later one. */
        public static Position before(long tx) {
            return new Position(tx, 0);
        }

        @Override
        public int compareTo(Position other) {
            int byTx = Long.compareUnsigned(tx, other.tx);
            return byTx != 0 ? byTx : Long.compare(id, other.id);
        }
    }

    /** One queued entry, and where it stands in the read order. */
    public record Item(long id, long accountId, long entryId, long tx) {

        public Position position() {
            return new Position(tx, id);
        }
    }

    /**
     * The horizon: every transaction that wrote a row before it has ended (committed or rolled
     * back), so the rows before it are final and a reader that has passed them never needs to
     * look back. It is the oldest transaction still running anywhere on the server (PostgreSQL's
     * snapshot xmin), and it only ever moves forward.
     */
    public static long horizon(Connection c) {
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * The id the server's next transaction will get. A position beyond it was recorded on
     * another server's history (a database restored from a dump into a new cluster, whose
     * transaction ids start again low): following it would skip every new row.
     */
    public static long nextTransaction(Connection c) {
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_snapshot_xmax(pg_current_snapshot())::text");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * The final rows after {@code after} and before the {@code horizon}, in read order, at most
     * {@code max}. The horizon must have been read first: the rows before it were committed
     * before this statement began, so it sees them all.
     */
    public static List<Item> settledAfter(Connection c, Position after, long horizon, int max) {
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, account_id, entry_id, tx::text FROM search_index_queue
                    WHERE (tx, id) > (CAST(? AS xid8), ?) AND tx < CAST(? AS xid8)
                    ORDER BY tx, id LIMIT ?""")) {
                ps.setString(1, Long.toUnsignedString(after.tx()));
                ps.setLong(2, after.id());
                ps.setString(3, Long.toUnsignedString(horizon));
                ps.setInt(4, max);
                return items(ps);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Rows committed by transactions at or after the {@code horizon}: visible now, but a row
     * before them may still appear, so a reader takes them in early without moving its position
     * past them. At most {@code max}, oldest id first.
     */
    public static List<Item> committedFrom(Connection c, long horizon, int max) {
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, account_id, entry_id, tx::text FROM search_index_queue
                    WHERE tx >= CAST(? AS xid8) ORDER BY id LIMIT ?""")) {
                ps.setString(1, Long.toUnsignedString(horizon));
                ps.setInt(2, max);
                return items(ps);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static List<Item> items(PreparedStatement ps) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(
                        new Item(rs.getLong(1), rs.getLong(2), rs.getLong(3), Long.parseUnsignedLong(rs.getString(4))));
            }
        }
        return items;
    }

    /**
     * Deletes the rows at or before {@code through} that are also before the horizon: rows
     * every reader has passed. The horizon bound keeps a row whose transaction is still open
     * behind a reader's position, however that position was reached.
     *
     * @return how many rows went
     */
    public static int pruneThrough(Connection c, Position through) {
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM search_index_queue
                    WHERE (tx, id) <= (CAST(? AS xid8), ?) AND tx < pg_snapshot_xmin(pg_current_snapshot())""")) {
                ps.setString(1, Long.toUnsignedString(through.tx()));
                ps.setLong(2, through.id());
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** What the search index still has to catch up with: how many rows, queued since when. */
    public record Lag(long rows, java.util.Optional<java.time.Instant> oldestQueuedAt) {}

    /** The rows after {@code position}: what a reader standing there has still to take in. */
    public static Lag lagAfter(Connection c, Position position) {
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*), min(queued_at) FROM search_index_queue WHERE (tx, id) > (CAST(? AS xid8), ?)""")) {
                ps.setString(1, Long.toUnsignedString(position.tx()));
                ps.setLong(2, position.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.sql.Timestamp oldest = rs.getTimestamp(2);
                    return new Lag(
                            rs.getLong(1), java.util.Optional.ofNullable(oldest).map(java.sql.Timestamp::toInstant));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static StorageUnavailableException unavailable(SQLException e) {
        return new StorageUnavailableException("the search queue cannot be read or written now", e);
    }
}
