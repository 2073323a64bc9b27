package org.sealpost.portal.intake;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.platform.SealpostDataSource;

/** Stores one sealed message for its recipients in one transaction. */
@Stateless
public class IntakeStore {

    private static final String INSERT_CONTENT = """
            INSERT INTO message_content (id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext,
                size_bytes, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ENTRY = """
            INSERT INTO mailbox_entry (account_id, content_id, folder, is_read, received_at)
            VALUES (?, ?, 'INBOX', FALSE, ?) ON CONFLICT (account_id, content_id) DO NOTHING""";

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    /**
     * Commits when this method returns (container-managed transaction); any exception rolls
     * everything back, so a message is stored whole or not at all.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void store(SealedArrival arrival) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            storeContent(c, arrival.messageId(), arrival.sealed(), arrival.sizeBytes(), arrival.receivedAt());
            deliverInPortal(c, arrival.messageId(), arrival.recipients(), arrival.receivedAt());
            // The index learns of the message after the 250, from this durable row (ADR 0007):
            // Lucene is never on the path that decides whether the gateway's mail is accepted.
            SearchIndexQueue.enqueueEntriesOf(c, arrival.messageId());
            // Inserted unlinked: the audit chain's worker links it after the commit (ADR 0014), so
            // no intake transaction waits for another's to extend the chain.
            AuditTrail.record(
                    c,
                    "mail-bridge",
                    AuditAction.MESSAGE_RECEIVED,
                    "message",
                    arrival.messageId().toString(),
                    arrival.clientAddress(),
                    arrival.recipients().size() + " recipient(s), " + arrival.sizeBytes() + " bytes, "
                            + arrival.tlsProtocol(),
                    arrival.receivedAt());
        }
    }

    /**
     * The sealed message itself, once however many recipients it has. Also how the portal
     * stores a message a recipient sends (compose), in the caller's transaction.
     */
    public static void storeContent(
            Connection c, UUID messageId, SealedMessage sealed, long sizeBytes, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONTENT)) {
            ps.setObject(1, messageId);
            ps.setInt(2, sealed.kekVersion());
            ps.setBytes(3, sealed.wrappedKey());
            ps.setBytes(4, sealed.metadataCiphertext());
            ps.setBytes(5, sealed.mimeCiphertext());
            ps.setLong(6, sizeBytes);
            ps.setTimestamp(7, Timestamp.from(receivedAt));
            ps.executeUpdate();
        }
    }

    /**
     * Puts a stored message into the inbox of each recipient, creating a PENDING account for an
     * address seen for the first time, and queues each one's notification (which holds none of
     * the message's words). Bridged mail and mail a portal user sends to external addresses
     * take this one path, so both reach a new person the same way: a registration link.
     */
    public static void deliverInPortal(Connection c, UUID messageId, List<EmailAddress> recipients, Instant receivedAt)
            throws SQLException {
        Timestamp at = Timestamp.from(receivedAt);
        List<Long> accountIds = new ArrayList<>();
        for (EmailAddress recipient : recipients) {
            accountIds.add(AccountDirectory.pendingRecipientId(c, recipient));
        }
        try (PreparedStatement entry = c.prepareStatement(INSERT_ENTRY)) {
            for (int i = 0; i < accountIds.size(); i++) {
                entry.setLong(1, accountIds.get(i));
                entry.setObject(2, messageId);
                entry.setTimestamp(3, at);
                entry.addBatch();
            }
            entry.executeBatch();
        }
        OutboundQueue.queueArrivalNotifications(c, messageId, recipients, accountIds, at);
    }
}
