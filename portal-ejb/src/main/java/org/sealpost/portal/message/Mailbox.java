package org.sealpost.portal.message;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * Reads an account's folders. Pages through the index on (account, folder, received_at DESC).
 *
 * <p>A CDI bean, not an EJB: it only reads, one statement at a time, so it needs no container
 * transaction, and Payara's EJB proxy builds (and throws away) an exception with a deep stack
 * trace on every call from CDI — three calls per inbox page, measured with JFR under the inbox
 * benchmark (docs/BENCHMARKS.md).
 */
@ApplicationScoped
public class Mailbox {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private MessageSealer sealer;

    /** One page of a folder, newest first. */
    public List<MailboxLine> folder(long accountId, Folder folder, int first, int max) {
        List<MailboxLine> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                SELECT e.id, e.received_at, e.is_read, m.id, m.kek_version, m.wrapped_key, m.metadata_ciphertext,
                       m.size_bytes
                FROM mailbox_entry e JOIN message_content m ON m.id = e.content_id
                WHERE e.account_id = ? AND e.folder = ?
                ORDER BY e.received_at DESC, e.id DESC OFFSET ? LIMIT ?""")) {
            ps.setLong(1, accountId);
            ps.setString(2, folder.name());
            ps.setInt(3, first);
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID contentId = rs.getObject(4, UUID.class);
                    SealedMessage sealed = new SealedMessage(rs.getInt(5), rs.getBytes(6), new byte[0], rs.getBytes(7));
                    MessageMetadata meta;
                    try {
                        meta = MessageMetadata.decode(sealer.openMetadata(contentId, sealed));
                    } catch (SealBrokenException e) {
                        // Not the database's fault, and not passing: a damaged row or a retired key.
                        throw new IllegalStateException(
                                "message " + contentId + " cannot be decrypted: " + e.getMessage(), e);
                    }
                    String sender = meta.from() == null
                            ? ""
                            : meta.from().displayName() != null
                                            && !meta.from().displayName().isBlank()
                                    ? meta.from().displayName()
                                    : meta.from().address();
                    lines.add(new MailboxLine(
                            rs.getLong(1),
                            sender,
                            meta.subject() == null ? "" : meta.subject(),
                            rs.getTimestamp(2).toInstant(),
                            rs.getBoolean(3),
                            !meta.attachments().isEmpty(),
                            rs.getLong(8)));
                }
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the folder cannot be read now", e);
        }
        return lines;
    }

    public long count(long accountId, Folder folder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM mailbox_entry WHERE account_id = ? AND folder = ?")) {
            ps.setLong(1, accountId);
            ps.setString(2, folder.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the folder cannot be counted now", e);
        }
    }

    public long unreadInInbox(long accountId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM mailbox_entry WHERE account_id = ? AND folder = 'INBOX' AND NOT is_read")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the folder cannot be counted now", e);
        }
    }
}
