package org.sealpost.portal.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of mailbox entries. Every statement names the account beside the entry id: an id
 * from a forged URL finds nothing unless it is the caller's own, and "not yours" looks exactly
 * like "does not exist".
 */
public final class MailboxEntries {

    private MailboxEntries() {}

    private static final String COLUMNS = "id, account_id, content_id, folder, folder_before_trash, is_read";

    public static Optional<MailboxEntry> find(Connection c, long entryId, long accountId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM mailbox_entry WHERE id = ? AND account_id = ?")) {
            ps.setLong(1, entryId);
            ps.setLong(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /** An entry's ids, for walking every entry of every account (a search index rebuild). */
    public record EntryKey(long accountId, long entryId) {}

    /**
     * The entries after {@code afterEntryId}, oldest first, at most {@code max}, whatever the
     * account: the one statement that reads across accounts, for the node's search index
     * rebuild (ADR 0017), which goes through every entry in pages by id.
     */
    public static List<EntryKey> keysAfter(Connection c, long afterEntryId, int max) throws SQLException {
        List<EntryKey> keys = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT account_id, id FROM mailbox_entry WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterEntryId);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new EntryKey(rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        return keys;
    }

    /** How many entries come after {@code afterEntryId}: what a rebuild reading by id has still to read. */
    public static long countAfter(Connection c, long afterEntryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM mailbox_entry WHERE id > ?")) {
            ps.setLong(1, afterEntryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static MailboxEntry entry(ResultSet rs) throws SQLException {
        String before = rs.getString(5);
        return new MailboxEntry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, UUID.class),
                Folder.valueOf(rs.getString(4)),
                before == null ? null : Folder.valueOf(before),
                rs.getBoolean(6));
    }

    /** Writes folder and read state of an entry read by {@link #find}. */
    public static void save(Connection c, MailboxEntry entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE mailbox_entry SET folder = ?, folder_before_trash = ?, is_read = ?
                WHERE id = ? AND account_id = ?""")) {
            ps.setString(1, entry.folder().name());
            ps.setString(
                    2,
                    entry.folderBeforeTrash() == null
                            ? null
                            : entry.folderBeforeTrash().name());
            ps.setBoolean(3, entry.read());
            ps.setLong(4, entry.id());
            ps.setLong(5, entry.accountId());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("mailbox entry " + entry.id() + " vanished while it was changed");
            }
        }
    }

    /**
     * Deletes the entry; if it was the message's last one, deletes the message's ciphertext and
     * its wrapped data key too: no query of the live database returns them any more. A backup or
     * replica taken before still holds the row, and it opens for as long as the key-encryption
     * key version that wrapped its key exists; it becomes unreadable once that version is retired
     * (rotation, re-wrap, then {@code ./sealpost keys retire}: ADR 0012, SECURITY.md). Until
     * VACUUM reuses the space, the deleted row's bytes also stay in PostgreSQL's files and WAL,
     * which are like a backup in that respect. Returns whether the
     * content went with it. The entry's search index document goes too, through the
     * {@link SearchIndexQueue} row written in the same transaction.
     *
     * <p>The content row is locked first, so two recipients deleting their last two entries at
     * once are serialised: the second one sees the first one's deletion and removes the content.
     */
    public static boolean deleteForever(Connection c, MailboxEntry entry) throws SQLException {
        if (!entry.mayBeDeletedForever()) {
            throw new IllegalStateException("only an entry in the trash is deleted for ever");
        }
        return shred(c, entry);
    }

    /**
     * Every entry of the account, in every folder, deleted for ever as {@link #deleteForever}
     * deletes one: the account itself is being deleted by an administrator. Contents other
     * accounts still have entries for stay theirs.
     *
     * @return the entries deleted
     */
    public static List<Shredded> shredAllOf(Connection c, long accountId) throws SQLException {
        List<MailboxEntry> entries = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM mailbox_entry WHERE account_id = ? ORDER BY id")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
        }
        List<Shredded> shredded = new ArrayList<>();
        for (MailboxEntry entry : entries) {
            shredded.add(new Shredded(entry.id(), shred(c, entry)));
        }
        return shredded;
    }

    /** An entry deleted with its account, and whether its message's content (and key) went with it. */
    public record Shredded(long entryId, boolean contentDeleted) {}

    /** How many messages an account holds and how many bytes their sealed content takes. */
    public record Usage(long messages, long bytes) {
        public static final Usage NONE = new Usage(0, 0);
    }

    /** {@link Usage} of each of the accounts; an account without messages is absent. */
    public static java.util.Map<Long, Usage> usageOf(Connection c, java.util.Collection<Long> accountIds)
            throws SQLException {
        java.util.Map<Long, Usage> usage = new java.util.HashMap<>();
        if (accountIds.isEmpty()) {
            return usage;
        }
        // Served by mailbox_entry_folder_listing (account_id first); the content's size is the
        // sealed size, which is what the account's messages cost the database.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT e.account_id, count(*), coalesce(sum(m.size_bytes), 0)
                FROM mailbox_entry e JOIN message_content m ON m.id = e.content_id
                WHERE e.account_id = ANY (?) GROUP BY e.account_id""")) {
            ps.setArray(1, c.createArrayOf("bigint", accountIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    usage.put(rs.getLong(1), new Usage(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return usage;
    }

    private static boolean shred(Connection c, MailboxEntry entry) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM message_content WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, entry.contentId());
            lock.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM mailbox_entry WHERE id = ? AND account_id = ?")) {
            ps.setLong(1, entry.id());
            ps.setLong(2, entry.accountId());
            ps.executeUpdate();
        }
        // Here, not in the callers: no way to delete an entry and leave its words searchable.
        SearchIndexQueue.enqueue(c, entry.accountId(), entry.id());
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM message_content m WHERE m.id = ?
                AND NOT EXISTS (SELECT 1 FROM mailbox_entry e WHERE e.content_id = m.id)""")) {
            ps.setObject(1, entry.contentId());
            return ps.executeUpdate() == 1;
        }
    }

    /** A message the account sent, in its Sent folder (read). Returns the entry's id. */
    public static long insertSent(Connection c, long accountId, UUID contentId, java.time.Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mailbox_entry (account_id, content_id, folder, is_read, received_at)
                VALUES (?, ?, 'SENT', TRUE, ?) RETURNING id""")) {
            ps.setLong(1, accountId);
            ps.setObject(2, contentId);
            ps.setTimestamp(3, java.sql.Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The account's entries in the trash, for "empty trash". */
    public static List<MailboxEntry> inTrash(Connection c, long accountId) throws SQLException {
        List<MailboxEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM mailbox_entry WHERE account_id = ? AND folder = 'TRASH' ORDER BY id")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
        }
        return entries;
    }
}
