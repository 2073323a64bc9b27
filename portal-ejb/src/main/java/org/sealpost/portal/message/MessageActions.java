package org.sealpost.portal.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * What a recipient does to a message in their mailbox; each action one transaction. The rules
 * are {@link MailboxEntry}'s, run on the entry loaded by (entry, account); the change is written
 * when the transaction commits.
 */
@ApplicationScoped
@Transactional
public class MessageActions {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private OpenedMessageCache openedMessages;

    /** For the container, which injects the fields. */
    public MessageActions() {}

    /**
     * For tests of the ownership rule against a plain database, in a transaction the caller runs
     * on {@code em} (no audit record is reached when refused).
     */
    MessageActions(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    public void markRead(long entryId, long accountId, boolean read) throws MessageNotFoundException {
        entry(entryId, accountId).markRead(read);
    }

    public void moveToTrash(long entryId, long accountId) throws MessageNotFoundException {
        changeFolder(entryId, accountId, MailboxEntry::moveToTrash);
    }

    public void restore(long entryId, long accountId) throws MessageNotFoundException {
        changeFolder(entryId, accountId, MailboxEntry::restore);
    }

    /** @return whether the message's content (and its key) went with the entry */
    public boolean deleteForever(long entryId, long accountId, String actor, String client)
            throws MessageNotFoundException {
        try {
            MailboxEntry entry = StoredMessages.entry(em, entryId, accountId)
                    .filter(MailboxEntry::mayBeDeletedForever)
                    .orElseThrow(() -> new MessageNotFoundException(entryId));
            boolean shredded = StoredMessages.deleteForever(connection(), entry);
            em.detach(entry);
            forgetOpened(entry);
            audit.record(
                    actor,
                    AuditAction.MESSAGE_DELETED,
                    "message",
                    entry.contentId().toString(),
                    client,
                    shredded ? "last copy: content and key deleted" : "entry deleted; other recipients keep theirs",
                    Instant.now());
            return shredded;
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }

    /** @return how many entries were deleted */
    public int emptyTrash(long accountId, String actor, String client) {
        try {
            List<MailboxEntry> trash = StoredMessages.inTrash(em, accountId);
            Connection c = connection();
            for (MailboxEntry entry : trash) {
                StoredMessages.deleteForever(c, entry);
                em.detach(entry);
                forgetOpened(entry);
            }
            audit.record(
                    actor,
                    AuditAction.MESSAGE_DELETED,
                    "trash",
                    Long.toString(accountId),
                    client,
                    trash.size() + " message(s) deleted",
                    Instant.now());
            return trash.size();
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }

    /** A deleted entry's decrypted message leaves memory with it (absent in tests without a container). */
    private void forgetOpened(MailboxEntry entry) {
        if (openedMessages != null) {
            openedMessages.forget(entry.id(), entry.accountId());
        }
    }

    private MailboxEntry entry(long entryId, long accountId) throws MessageNotFoundException {
        try {
            return StoredMessages.entry(em, entryId, accountId)
                    .orElseThrow(() -> new MessageNotFoundException(entryId));
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }

    /** As a plain change, and the search index learns the new folder ({@code in:trash}). */
    private void changeFolder(long entryId, long accountId, Predicate<MailboxEntry> rule)
            throws MessageNotFoundException {
        MailboxEntry entry = entry(entryId, accountId);
        if (rule.test(entry)) {
            SearchIndexQueue.enqueue(connection(), accountId, entryId);
        }
    }

    /** The transaction's own connection, so the queue row and the shredding commit with the entry's change. */
    private Connection connection() {
        try {
            return em.unwrap(Connection.class);
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }
}
