package org.sealpost.portal.intake;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
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
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;

/** Stores one sealed message for its recipients in one transaction. */
@Stateless
public class IntakeStore {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    /** For the container, which injects the field. */
    public IntakeStore() {}

    /** For tests against a plain database: each {@link #store} commits on its own connection. */
    IntakeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Commits when this method returns (container-managed transaction); any exception rolls
     * everything back, so a message is stored whole or not at all.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void store(SealedArrival arrival) {
        try (Connection c = dataSource.getConnection()) {
            StoredMessages.storeContent(
                    c, arrival.messageId(), arrival.sealed(), arrival.sizeBytes(), arrival.receivedAt());
            List<StoredMessages.EntryKey> entries =
                    deliverInPortal(c, arrival.messageId(), arrival.recipients(), arrival.receivedAt());
            // The index learns of the message after the 250, from this durable row (ADR 0007):
            // Lucene is never on the path that decides whether the gateway's mail is accepted.
            SearchIndexQueue.enqueueAll(c, entries);
            // Inserted unlinked: the audit chain's worker links it after the commit (ADR 0014), so
            // no intake transaction waits for another's to extend the chain.
            AuditTrail.on(c)
                    .record(
                            "mail-bridge",
                            AuditAction.MESSAGE_RECEIVED,
                            "message",
                            arrival.messageId().toString(),
                            arrival.clientAddress(),
                            arrival.recipients().size() + " recipient(s), " + arrival.sizeBytes() + " bytes, "
                                    + arrival.tlsProtocol(),
                            arrival.receivedAt());
        } catch (SQLException e) {
            throw new StorageUnavailableException("the message cannot be stored now", e);
        }
    }

    /**
     * Puts a stored message into the inbox of each recipient, creating a PENDING account for an
     * address seen for the first time, and queues each one's notification (which holds none of
     * the message's words). Bridged mail and mail a portal user sends to external addresses
     * take this one path, so both reach a new person the same way: a registration link.
     *
     * @return the inbox entries made, for the search queue
     */
    public static List<StoredMessages.EntryKey> deliverInPortal(
            Connection c, UUID messageId, List<EmailAddress> recipients, Instant receivedAt) {
        // Each owner reports a failed statement as StorageUnavailableException.
        List<Long> accountIds = new ArrayList<>();
        for (EmailAddress recipient : recipients) {
            accountIds.add(AccountDirectory.pendingRecipientId(c, recipient));
        }
        List<StoredMessages.EntryKey> entries = StoredMessages.deliverToInboxes(c, messageId, accountIds, receivedAt);
        OutboundQueue.queueArrivalNotifications(c, messageId, recipients, accountIds, Timestamp.from(receivedAt));
        return entries;
    }
}
