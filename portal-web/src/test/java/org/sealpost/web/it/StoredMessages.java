package org.sealpost.web.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * Reads what the portal stored, from outside it: straight from the container test's
 * database, decrypted with the keystore the portal generated in its data directory.
 */
final class StoredMessages {

    private final String url = System.getProperty("sealpost.it.db.url");
    private final String user = System.getProperty("sealpost.it.db.user");
    private final String password = System.getProperty("sealpost.it.db.password");

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A stored message found by a marker in its decrypted MIME. */
    record Found(UUID id, String mime, MessageMetadata metadata) {}

    Optional<Found> findByMarker(String marker) throws Exception {
        MessageSealer sealer = sealer();
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext FROM message_content");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                SealedMessage sealed = new SealedMessage(rs.getInt(2), rs.getBytes(3), rs.getBytes(5), rs.getBytes(4));
                String mime = new String(sealer.openMime(id, sealed), StandardCharsets.UTF_8);
                if (mime.contains(marker)) {
                    return Optional.of(new Found(id, mime, MessageMetadata.decode(sealer.openMetadata(id, sealed))));
                }
            }
        }
        return Optional.empty();
    }

    /** One mailbox entry as the database holds it. */
    record Entry(long id, UUID contentId, String folder, boolean read) {}

    /** The recipient's mailbox entries, oldest first. */
    List<Entry> entriesOf(String recipient) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("""
                SELECT e.id, e.content_id, e.folder, e.is_read FROM mailbox_entry e JOIN account a ON a.id = e.account_id
                WHERE a.email = ? ORDER BY e.received_at, e.id""")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                List<Entry> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(
                            new Entry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)));
                }
                return entries;
            }
        }
    }

    /** The recipient's only (or first) entry's id. */
    long firstEntryOf(String recipient) throws SQLException {
        return entriesOf(recipient).get(0).id();
    }

    /** The entry as it is now, or empty once it is deleted. */
    Optional<Entry> entry(long id) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT id, content_id, folder, is_read FROM mailbox_entry WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Entry(
                                rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)))
                        : Optional.empty();
            }
        }
    }

    /** Whether the message content row (ciphertext and wrapped key) still exists. */
    boolean contentExists(UUID contentId) throws SQLException {
        return count("SELECT count(*) FROM message_content WHERE id = ?", contentId) == 1;
    }

    /**
     * Files an entry in the Sent folder, as the portal's own sending will: the intake only
     * fills inboxes, and the folder pages must treat Sent the same way.
     */
    void fileAsSent(long entryId) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE mailbox_entry SET folder = 'SENT', is_read = TRUE WHERE id = ?")) {
            ps.setLong(1, entryId);
            ps.executeUpdate();
        }
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static MessageSealer sealer() throws Exception {
        Path keys = Path.of(System.getProperty("sealpost.it.data.dir"), "keys");
        return new MessageSealer(KeyEncryptionKeys.open(
                keys.resolve("kek.p12"),
                Files.readString(keys.resolve("kek.password")).trim().toCharArray()));
    }
}
