package org.sealpost.portal.message;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The durable list of mailbox entries whose search index document is out of date: a
 * transactional outbox (ADR 0007). Whoever changes an entry writes a row here on the same
 * connection, in the same transaction, so a committed change is never missed by the index and
 * a rolled-back one never reaches it; the search indexer drains the rows after the fact.
 *
 * <p>A row says only "look at entry N of account A again", never what changed, and holds no
 * text: the indexer reads the entry as it is then (index it, or remove it if it is gone), so
 * rows for one entry may be handled in any number and order and the index still ends up
 * matching the database.
 */
public final class SearchIndexQueue {

    private SearchIndexQueue() {
    }

    /** One queued entry. */
    public record Item(long id, long accountId, long entryId) {
    }

    /** The entry changed: folder, arrival, or deletion (the row outlives the entry). */
    public static void enqueue(Connection c, long accountId, long entryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO search_index_queue (account_id, entry_id) VALUES (?, ?)")) {
            ps.setLong(1, accountId);
            ps.setLong(2, entryId);
            ps.executeUpdate();
        }
    }

    /** Every entry of a message just stored: one statement, whatever the number of recipients. */
    public static void enqueueEntriesOf(Connection c, UUID contentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO search_index_queue (account_id, entry_id)
                SELECT account_id, id FROM mailbox_entry WHERE content_id = ?""")) {
            ps.setObject(1, contentId);
            ps.executeUpdate();
        }
    }

    /** Every entry of every account, oldest first: how a lost index is rebuilt. */
    public static int enqueueEveryEntry(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO search_index_queue (account_id, entry_id)
                SELECT account_id, id FROM mailbox_entry ORDER BY id""")) {
            return ps.executeUpdate();
        }
    }

    /** The oldest rows, at most {@code max}. */
    public static List<Item> oldest(Connection c, int max) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, account_id, entry_id FROM search_index_queue ORDER BY id LIMIT ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return items;
    }

    /** Removes handled rows by their own ids: a row queued meanwhile for the same entry stays. */
    public static void remove(Connection c, List<Item> items) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        Long[] ids = items.stream().map(Item::id).toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM search_index_queue WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids);
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    /** How many rows wait. */
    public static long size(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM search_index_queue");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What the search index still has to catch up with: how many rows, queued since when. */
    public record Lag(long rows, java.util.Optional<java.time.Instant> oldestQueuedAt) {
    }

    public static Lag lag(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(queued_at) FROM search_index_queue");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            java.sql.Timestamp oldest = rs.getTimestamp(2);
            return new Lag(rs.getLong(1), java.util.Optional.ofNullable(oldest).map(java.sql.Timestamp::toInstant));
        }
    }
}
