package org.sealpost.portal.message;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The owner of tables {@code message_content} and {@code mailbox_entry}: one aggregate, a stored
 * message and its recipients' entries. Every statement about either table is here, and every
 * way of opening a sealed message ({@link #openMetadata}, {@link #open}, a page of entries with
 * their metadata) goes through {@link MessageContent}, which opens a ciphertext only under its own
 * row's id.
 *
 * <p>Two styles, each where it pays (ADR 0003 lists every JDBC statement with its reason):
 * <ul>
 * <li>an entry a recipient changes is a JPA entity ({@link MailboxEntry}) loaded by
 * {@link #entry(EntityManager, long, long)} and written at commit: its rules run on the loaded
 * row; the mailbox's and the overview's counts and the newest messages' metadata are JPQL
 * projections, measured no slower, and so are the arrival notice's reads (its unread count and
 * its newest message's metadata, on the delivery's entity manager) and the rebuild's count;
 * <li>the statements that are hot or PostgreSQL's own are JDBC on the caller's connection, in
 * the caller's transaction: the intake's inserts, the folder page with its metadata in one
 * query, the search indexer's reads and the rebuild's paging by id, and the crypto-shredding
 * delete, which locks the content row first.
 * </ul>
 *
 * <p>Every statement about an entry names the account beside its id: an id from a forged URL
 * finds nothing unless it is the caller's own, and "not yours" looks exactly like "does not
 * exist". A database failure leaves a JDBC statement as {@link StorageUnavailableException}, a
 * JPQL one as the {@code PersistenceException} its caller translates the same way.
 */
public final class StoredMessages {

    private StoredMessages() {}

    private static final String INSERT_CONTENT = """
            INSERT INTO message_content (id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext,
                size_bytes, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /** An entry's ids: what the search queue and the index rebuild work with. */
    public record EntryKey(long accountId, long entryId) {}

    /** One line of a folder or of search results: the entry and its message's opened metadata. */
    public record ListedEntry(
            long entryId, Folder folder, Instant receivedAt, boolean read, long sizeBytes, MessageMetadata metadata) {

        /** The name the sender gave, else their address: what a mail client's list shows. */
        public String sender() {
            if (metadata.from() == null) {
                return "";
            }
            String name = metadata.from().displayName();
            return name != null && !name.isBlank() ? name : metadata.from().address();
        }

        public String subject() {
            return metadata.subject() == null ? "" : metadata.subject();
        }

        public boolean hasAttachments() {
            return !metadata.attachments().isEmpty();
        }
    }

    /** A message opened whole: its header record and raw MIME. */
    public record Opened(MessageMetadata metadata, byte[] mime) {}

    /** What the search index needs of an entry besides its message. */
    public record IndexedEntry(Folder folder, Instant receivedAt, UUID contentId) {}

    /** An entry deleted with its account, and whether its message's content (and key) went with it. */
    public record Shredded(long entryId, boolean contentDeleted) {}

    /** How many messages an account holds and how many bytes their sealed content takes. */
    public record Usage(long messages, long bytes) {
        public static final Usage NONE = new Usage(0, 0);
    }

    /** A message's id and its sealed metadata (the MIME left out). */
    public record SealedMetadata(UUID contentId, SealedMessage sealed) {}

    // ---- storing ----------------------------------------------------------------------------

    /**
     * The sealed message itself, once however many recipients it has, in the caller's
     * transaction: the intake's and compose's insert. JDBC because it is the intake's hot path
     * (ADR 0003 has the measurement).
     */
    public static void storeContent(
            Connection c, UUID messageId, SealedMessage sealed, long sizeBytes, Instant receivedAt) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONTENT)) {
            ps.setObject(1, messageId);
            ps.setInt(2, sealed.kekVersion());
            ps.setBytes(3, sealed.wrappedKey());
            ps.setBytes(4, sealed.metadataCiphertext());
            ps.setBytes(5, sealed.mimeCiphertext());
            ps.setLong(6, sizeBytes);
            ps.setTimestamp(7, Timestamp.from(receivedAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("the message cannot be stored now", e);
        }
    }

    /**
     * An unread inbox entry of the stored message for each account, in one statement whatever
     * the number of recipients; an account that already has the message keeps its entry.
     *
     * @return the entries made, for the search queue
     */
    public static List<EntryKey> deliverToInboxes(
            Connection c, UUID messageId, List<Long> accountIds, Instant receivedAt) {
        List<EntryKey> made = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mailbox_entry (account_id, content_id, folder, is_read, received_at)
                SELECT a, ?, 'INBOX', FALSE, ? FROM unnest(?::bigint[]) AS a
                ON CONFLICT (account_id, content_id) DO NOTHING RETURNING account_id, id""")) {
            ps.setObject(1, messageId);
            ps.setTimestamp(2, Timestamp.from(receivedAt));
            ps.setArray(3, c.createArrayOf("bigint", accountIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    made.add(new EntryKey(rs.getLong(1), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw unavailable("the message cannot be delivered now", e);
        }
        return made;
    }

    /** A message the account sent, in its Sent folder (read). Returns the entry's id. */
    public static long insertSent(Connection c, long accountId, UUID contentId, Instant at) {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mailbox_entry (account_id, content_id, folder, is_read, received_at)
                VALUES (?, ?, 'SENT', TRUE, ?) RETURNING id""")) {
            ps.setLong(1, accountId);
            ps.setObject(2, contentId);
            ps.setTimestamp(3, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw unavailable("the sent message cannot be stored now", e);
        }
    }

    /** Every entry of a message, whatever the account: for the search queue after a store. */
    public static List<EntryKey> entryKeysOf(Connection c, UUID contentId) {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT account_id, id FROM mailbox_entry WHERE content_id = ? ORDER BY id")) {
            ps.setObject(1, contentId);
            return keys(ps);
        } catch (SQLException e) {
            throw unavailable("the message's entries cannot be read now", e);
        }
    }

    // ---- reading a folder -------------------------------------------------------------------

    /**
     * One page of a folder, newest first, each line with its message's metadata opened: one
     * query (served by mailbox_entry_folder_listing), no MIME read, no body decrypted. JDBC
     * because it is the inbox page's statement (ADR 0003 has the measurement).
     *
     * @throws SealBrokenException a row on the page does not open: a damaged row or a retired key
     */
    public static List<ListedEntry> folderPage(
            Connection c, MessageSealer sealer, long accountId, Folder folder, int first, int max)
            throws SealBrokenException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT e.id, e.folder, e.received_at, e.is_read, m.size_bytes, m.id, m.kek_version, m.wrapped_key,
                       m.metadata_ciphertext, m.received_at
                FROM mailbox_entry e JOIN message_content m ON m.id = e.content_id
                WHERE e.account_id = ? AND e.folder = ?
                ORDER BY e.received_at DESC, e.id DESC OFFSET ? LIMIT ?""")) {
            ps.setLong(1, accountId);
            ps.setString(2, folder.name());
            ps.setInt(3, first);
            ps.setInt(4, max);
            List<ListedEntry> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(listed(rs, sealer));
                }
            }
            return page;
        } catch (SQLException e) {
            throw unavailable("the folder cannot be read now", e);
        }
    }

    /**
     * The account's entries among {@code entryIds}, by id, with their metadata opened: the lines
     * of a search result. An id of another account's entry (or of one deleted since it was
     * indexed) is absent.
     */
    public static Map<Long, ListedEntry> listed(
            Connection c, MessageSealer sealer, long accountId, Collection<Long> entryIds) throws SealBrokenException {
        Map<Long, ListedEntry> lines = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT e.id, e.folder, e.received_at, e.is_read, m.size_bytes, m.id, m.kek_version, m.wrapped_key,
                       m.metadata_ciphertext, m.received_at
                FROM mailbox_entry e JOIN message_content m ON m.id = e.content_id
                WHERE e.account_id = ? AND e.id = ANY (?)""")) {
            ps.setLong(1, accountId);
            ps.setArray(2, c.createArrayOf("bigint", entryIds.toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ListedEntry line = listed(rs, sealer);
                    lines.put(line.entryId(), line);
                }
            }
            return lines;
        } catch (SQLException e) {
            throw unavailable("the messages found cannot be read now", e);
        }
    }

    private static ListedEntry listed(ResultSet rs, MessageSealer sealer) throws SQLException, SealBrokenException {
        MessageContent content = new MessageContent(
                rs.getObject(6, UUID.class),
                new SealedMessage(rs.getInt(7), rs.getBytes(8), new byte[0], rs.getBytes(9)),
                rs.getLong(5),
                rs.getTimestamp(10).toInstant());
        return new ListedEntry(
                rs.getLong(1),
                Folder.valueOf(rs.getString(2)),
                rs.getTimestamp(3).toInstant(),
                rs.getBoolean(4),
                rs.getLong(5),
                content.openMetadata(sealer));
    }

    /**
     * How many entries the account's folder holds.
     *
     * @throws jakarta.persistence.PersistenceException the database cannot be read
     */
    public static long count(EntityManager em, long accountId, Folder folder) {
        return em.createQuery(
                        "SELECT count(e) FROM MailboxEntry e WHERE e.accountId = :account AND e.folder = :folder",
                        Long.class)
                .setParameter("account", accountId)
                .setParameter("folder", folder)
                .getSingleResult();
    }

    /**
     * The account's unread inbox entries, for its pages. Served by mailbox_entry_unread_in_inbox
     * (V6), whose predicate the query repeats.
     *
     * @throws jakarta.persistence.PersistenceException the database cannot be read
     */
    public static long unreadInInbox(EntityManager em, long accountId) {
        return em.createQuery("""
                        SELECT count(e) FROM MailboxEntry e
                        WHERE e.accountId = :account AND e.folder = org.sealpost.portal.message.Folder.INBOX
                        AND e.read = FALSE""", Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    }

    // ---- opening a message ------------------------------------------------------------------

    /**
     * The metadata of message {@code contentId} (its MIME not read), if it still exists: what an
     * arrival notice names. JPQL, a projection that leaves the MIME out (ADR 0003: measured no
     * slower), on the delivery's entity manager, in its claim's transaction.
     *
     * @throws jakarta.persistence.PersistenceException the database cannot be read
     */
    public static Optional<MessageMetadata> openMetadata(EntityManager em, MessageSealer sealer, UUID contentId)
            throws SealBrokenException {
        List<Object[]> rows = em.createQuery("""
                        SELECT m.kekVersion, m.wrappedKey, m.metadataCiphertext, m.sizeBytes, m.receivedAt
                        FROM MessageContent m WHERE m.id = :id""", Object[].class)
                .setParameter("id", contentId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        MessageContent content = new MessageContent(
                contentId,
                new SealedMessage((Integer) row[0], (byte[]) row[1], new byte[0], (byte[]) row[2]),
                (Long) row[3],
                ((OffsetDateTime) row[4]).toInstant());
        return Optional.of(content.openMetadata(sealer));
    }

    /** Message {@code contentId} opened whole, if it still exists (a message is up to 25 MiB). */
    public static Optional<Opened> open(Connection c, MessageSealer sealer, UUID contentId) throws SealBrokenException {
        Optional<MessageContent> content = content(c, contentId);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Opened(content.get().openMetadata(sealer), content.get().openMime(sealer)));
    }

    /**
     * The MIME of message {@code contentId} alone, if it still exists: what the outbound relay
     * sends; its metadata is not opened.
     */
    public static Optional<byte[]> openMime(Connection c, MessageSealer sealer, UUID contentId)
            throws SealBrokenException {
        Optional<MessageContent> content = content(c, contentId);
        return content.isEmpty() ? Optional.empty() : Optional.of(content.get().openMime(sealer));
    }

    /** The sealed row of message {@code contentId}, unopened: for the key rotation's tests. */
    public static Optional<SealedMessage> sealed(Connection c, UUID contentId) {
        return content(c, contentId).map(MessageContent::sealed);
    }

    private static Optional<MessageContent> content(Connection c, UUID contentId) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kek_version, wrapped_key, mime_ciphertext, metadata_ciphertext, size_bytes, received_at
                FROM message_content WHERE id = ?""")) {
            ps.setObject(1, contentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new MessageContent(
                                contentId,
                                new SealedMessage(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)),
                                rs.getLong(5),
                                rs.getTimestamp(6).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("the message cannot be read now", e);
        }
    }

    /**
     * The sealed metadata (no MIME) of one account's newest {@code max} messages, any folder: a
     * JPQL projection, measured no slower than the JDBC join it replaced (ADR 0003); an entity
     * query would load every MIME ciphertext.
     *
     * @throws jakarta.persistence.PersistenceException the database cannot be read
     */
    public static List<SealedMetadata> recentMetadata(EntityManager em, long accountId, int max) {
        List<SealedMetadata> result = new ArrayList<>();
        for (Object[] row : em.createQuery("""
                        SELECT m.id, m.kekVersion, m.wrappedKey, m.metadataCiphertext
                        FROM MailboxEntry e, MessageContent m WHERE m.id = e.contentId AND e.accountId = :account
                        ORDER BY e.receivedAt DESC, e.id DESC""", Object[].class)
                .setParameter("account", accountId)
                .setMaxResults(max)
                .getResultList()) {
            result.add(new SealedMetadata(
                    (UUID) row[0], new SealedMessage((Integer) row[1], (byte[]) row[2], new byte[0], (byte[]) row[3])));
        }
        return result;
    }

    /**
     * The metadata of one account's newest {@code max} messages, any folder, opened; a message
     * whose seal does not open is left out, so one damaged row cannot stop address completion.
     *
     * @throws jakarta.persistence.PersistenceException the database cannot be read
     */
    public static List<MessageMetadata> openRecentMetadata(
            EntityManager em, MessageSealer sealer, long accountId, int max) {
        List<MessageMetadata> opened = new ArrayList<>();
        for (SealedMetadata m : recentMetadata(em, accountId, max)) {
            try {
                opened.add(decodeMetadata(m.contentId(), sealer.openMetadata(m.contentId(), m.sealed())));
            } catch (SealBrokenException e) {
                // Left out: the message page reports a broken seal when its owner opens it.
            }
        }
        return opened;
    }

    /** A metadata record that authenticated but that this build cannot decode counts as a broken seal. */
    static MessageMetadata decodeMetadata(UUID contentId, byte[] record) throws SealBrokenException {
        try {
            return MessageMetadata.decode(record);
        } catch (IllegalArgumentException e) {
            throw new SealBrokenException(contentId, "metadata record not readable: " + e.getMessage(), e);
        }
    }

    // ---- an entry ---------------------------------------------------------------------------

    /** The entry, managed: its rules' changes are written when the transaction commits. */
    public static Optional<MailboxEntry> entry(EntityManager em, long entryId, long accountId) {
        return em.createQuery(
                        "SELECT e FROM MailboxEntry e WHERE e.id = :id AND e.accountId = :account", MailboxEntry.class)
                .setParameter("id", entryId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst();
    }

    /** The account's entries in the trash, for "empty trash". */
    public static List<MailboxEntry> inTrash(EntityManager em, long accountId) {
        return em.createQuery(
                        "SELECT e FROM MailboxEntry e WHERE e.accountId = :account AND e.folder = :trash ORDER BY e.id",
                        MailboxEntry.class)
                .setParameter("account", accountId)
                .setParameter("trash", Folder.TRASH)
                .getResultList();
    }

    /** Every entry of the account, in every folder. */
    private static List<MailboxEntry> allOf(EntityManager em, long accountId) {
        return em.createQuery(
                        "SELECT e FROM MailboxEntry e WHERE e.accountId = :account ORDER BY e.id", MailboxEntry.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /**
     * The entry read on a plain connection, not managed: for callers without an entity manager
     * (compose's look-up of the original it answers). Changes to it are not stored.
     */
    public static Optional<MailboxEntry> find(Connection c, long entryId, long accountId) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, account_id, content_id, folder, folder_before_trash, is_read, received_at
                FROM mailbox_entry WHERE id = ? AND account_id = ?""")) {
            ps.setLong(1, entryId);
            ps.setLong(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String before = rs.getString(5);
                return Optional.of(new MailboxEntry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, UUID.class),
                        Folder.valueOf(rs.getString(4)),
                        before == null ? null : Folder.valueOf(before),
                        rs.getBoolean(6),
                        rs.getTimestamp(7).toInstant()));
            }
        } catch (SQLException e) {
            throw unavailable("the message cannot be read now", e);
        }
    }

    /** The entry as the search index needs it now; empty when it no longer exists. */
    public static Optional<IndexedEntry> indexed(Connection c, long accountId, long entryId) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT folder, received_at, content_id FROM mailbox_entry WHERE id = ? AND account_id = ?""")) {
            ps.setLong(1, entryId);
            ps.setLong(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new IndexedEntry(
                                Folder.valueOf(rs.getString(1)),
                                rs.getTimestamp(2).toInstant(),
                                rs.getObject(3, UUID.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("the mailbox entry cannot be read now", e);
        }
    }

    /**
     * The entries after {@code afterEntryId}, oldest first, at most {@code max}, whatever the
     * account: the one statement that reads across accounts, for the node's search index
     * rebuild (ADR 0017), which goes through every entry in pages by id.
     */
    public static List<EntryKey> keysAfter(Connection c, long afterEntryId, int max) {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT account_id, id FROM mailbox_entry WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterEntryId);
            ps.setInt(2, max);
            return keys(ps);
        } catch (SQLException e) {
            throw unavailable("the mailbox entries cannot be read now", e);
        }
    }

    /**
     * How many entries come after {@code afterEntryId}: what a rebuild reading by id has still
     * to read. JPQL (ADR 0003: counts measured no slower).
     *
     * @throws jakarta.persistence.PersistenceException the database cannot be read
     */
    public static long countAfter(EntityManager em, long afterEntryId) {
        return em.createQuery("SELECT count(e) FROM MailboxEntry e WHERE e.id > :after", Long.class)
                .setParameter("after", afterEntryId)
                .getSingleResult();
    }

    // ---- deleting for ever ------------------------------------------------------------------

    /**
     * Deletes the entry; if it was the message's last one, deletes the message's ciphertext and
     * its wrapped data key too: no query of the live database returns them any more. A backup or
     * replica taken before still holds the row, and it opens for as long as the key-encryption
     * key version that wrapped its key exists; it becomes unreadable once that version is retired
     * (rotation, re-wrap, then {@code ./sealpost keys retire}: ADR 0012, SECURITY.md). Until
     * VACUUM reuses the space, the deleted row's bytes also stay in PostgreSQL's files and WAL,
     * which are like a backup in that respect. Returns whether the content went with it. The
     * entry's search index document goes too, through the {@link SearchIndexQueue} row written
     * in the same transaction.
     *
     * <p>{@code c} is the connection of the transaction the entry was read in
     * ({@code em.unwrap(Connection.class)} for a managed one). JDBC because of the lock: the
     * content row is locked first, so two recipients deleting their last two entries at once
     * are serialised and the second one sees the first one's deletion and removes the content;
     * JPA can lock only by loading the entity, and this one holds the whole message.
     */
    public static boolean deleteForever(Connection c, MailboxEntry entry) {
        if (!entry.mayBeDeletedForever()) {
            throw new IllegalStateException("only an entry in the trash is deleted for ever");
        }
        return shred(c, entry.accountId(), entry.id(), entry.contentId());
    }

    /**
     * Every entry of the account, in every folder, deleted for ever as {@link #deleteForever}
     * deletes one: the account itself is being deleted by an administrator. Contents other
     * accounts still have entries for stay theirs.
     *
     * @return the entries deleted
     */
    public static List<Shredded> shredAllOf(EntityManager em, long accountId) {
        Connection c = em.unwrap(Connection.class);
        List<Shredded> shredded = new ArrayList<>();
        for (MailboxEntry entry : allOf(em, accountId)) {
            shredded.add(new Shredded(entry.id(), shred(c, accountId, entry.id(), entry.contentId())));
            em.detach(entry);
        }
        return shredded;
    }

    private static boolean shred(Connection c, long accountId, long entryId, UUID contentId) {
        try {
            try (PreparedStatement lock =
                    c.prepareStatement("SELECT id FROM message_content WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, contentId);
                lock.executeQuery().close();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM mailbox_entry WHERE id = ? AND account_id = ?")) {
                ps.setLong(1, entryId);
                ps.setLong(2, accountId);
                ps.executeUpdate();
            }
            // Here, not in the callers: no way to delete an entry and leave its words searchable.
            SearchIndexQueue.enqueue(c, accountId, entryId);
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM message_content m WHERE m.id = ?
                    AND NOT EXISTS (SELECT 1 FROM mailbox_entry e WHERE e.content_id = m.id)""")) {
                ps.setObject(1, contentId);
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw unavailable("the message cannot be deleted now", e);
        }
    }

    // ---- figures ----------------------------------------------------------------------------

    /** {@link Usage} of each of the accounts; an account without messages is absent. */
    public static Map<Long, Usage> usageOf(Connection c, Collection<Long> accountIds) {
        Map<Long, Usage> usage = new HashMap<>();
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
        } catch (SQLException e) {
            throw unavailable("the accounts' usage cannot be read now", e);
        }
        return usage;
    }

    /**
     * How many messages arrived since {@code since}: over the bridge, or written in the portal to
     * an external address (its portal copy). A sent copy alone is not an arrival. Served by
     * message_content_by_received_at (V15). JPQL: counts measured no slower through JPA (ADR 0003).
     *
     * @throws jakarta.persistence.PersistenceException the database cannot be read
     */
    public static long receivedSince(EntityManager em, Instant since) {
        return em.createQuery("""
                        SELECT count(m) FROM MessageContent m WHERE m.receivedAt >= :since
                        AND EXISTS (SELECT e.id FROM MailboxEntry e WHERE e.contentId = m.id
                                    AND e.folder <> org.sealpost.portal.message.Folder.SENT)""", Long.class)
                .setParameter("since", since.atOffset(ZoneOffset.UTC))
                .getSingleResult();
    }

    private static List<EntryKey> keys(PreparedStatement ps) throws SQLException {
        List<EntryKey> keys = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(new EntryKey(rs.getLong(1), rs.getLong(2)));
            }
        }
        return keys;
    }

    private static StorageUnavailableException unavailable(String what, SQLException e) {
        return new StorageUnavailableException(what, e);
    }
}
