package org.sealpost.portal.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * Reads sealed message content for the compose and outbound paths: a message answered,
 * forwarded or relayed, and the metadata of an account's recent messages for address
 * completion. (Issue 10 gathers every reader of {@code message_content} into one owner; these
 * are the reads that owner must offer.)
 */
public final class MessageContents {

    private MessageContents() {}

    /** The sealed content of message {@code contentId}, if it still exists. */
    public static Optional<SealedMessage> sealed(Connection c, UUID contentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kek_version, wrapped_key, mime_ciphertext, metadata_ciphertext FROM message_content WHERE id = ?""")) {
            ps.setObject(1, contentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SealedMessage(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)))
                        : Optional.empty();
            }
        }
    }

    /** The sealed metadata (no MIME) of one account's newest {@code max} messages, any folder. */
    public static List<SealedMetadata> recentMetadata(Connection c, long accountId, int max) throws SQLException {
        List<SealedMetadata> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT m.id, m.kek_version, m.wrapped_key, m.metadata_ciphertext
                FROM mailbox_entry e JOIN message_content m ON m.id = e.content_id
                WHERE e.account_id = ? ORDER BY e.received_at DESC, e.id DESC LIMIT ?""")) {
            ps.setLong(1, accountId);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new SealedMetadata(
                            rs.getObject(1, UUID.class),
                            new SealedMessage(rs.getInt(2), rs.getBytes(3), new byte[0], rs.getBytes(4))));
                }
            }
        }
        return result;
    }

    /**
     * How many messages arrived since {@code since}: over the bridge, or written in the portal to
     * an external address (its portal copy). A sent copy alone is not an arrival. Served by
     * message_content_by_received_at (V15).
     */
    public static long receivedSince(Connection c, java.time.Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM message_content m WHERE m.received_at >= ?
                AND EXISTS (SELECT 1 FROM mailbox_entry e WHERE e.content_id = m.id AND e.folder <> 'SENT')""")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A message's id and its sealed metadata (the MIME left out). */
    public record SealedMetadata(UUID contentId, SealedMessage sealed) {}
}
