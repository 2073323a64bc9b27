package org.sealpost.portal.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;

/** What a recipient does to a message in their mailbox; each action one transaction. */
@Stateless
public class MessageActions {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditTrail audit;

    @Inject
    private OpenedMessageCache openedMessages;

    /** For the container, which injects the fields. */
    public MessageActions() {}

    /** For tests of the ownership rule against a plain database (no audit record is reached when refused). */
    MessageActions(DataSource dataSource, AuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    public void markRead(long entryId, long accountId, boolean read) throws MessageNotFoundException {
        change(entryId, accountId, e -> e.markRead(read));
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
        try (Connection c = dataSource.getConnection()) {
            MailboxEntry entry = MailboxEntries.find(c, entryId, accountId)
                    .filter(MailboxEntry::mayBeDeletedForever)
                    .orElseThrow(() -> new MessageNotFoundException(entryId));
            boolean shredded = MailboxEntries.deleteForever(c, entry);
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
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }

    /** @return how many entries were deleted */
    public int emptyTrash(long accountId, String actor, String client) {
        try (Connection c = dataSource.getConnection()) {
            int n = 0;
            for (MailboxEntry entry : MailboxEntries.inTrash(c, accountId)) {
                MailboxEntries.deleteForever(c, entry);
                forgetOpened(entry);
                n++;
            }
            audit.record(
                    actor,
                    AuditAction.MESSAGE_DELETED,
                    "trash",
                    Long.toString(accountId),
                    client,
                    n + " message(s) deleted",
                    Instant.now());
            return n;
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }

    /** A deleted entry's decrypted message leaves memory with it (absent in tests without a container). */
    private void forgetOpened(MailboxEntry entry) {
        if (openedMessages != null) {
            openedMessages.forget(entry.id(), entry.accountId());
        }
    }

    private void change(long entryId, long accountId, UnaryOperator<MailboxEntry> rule)
            throws MessageNotFoundException {
        try (Connection c = dataSource.getConnection()) {
            MailboxEntry entry =
                    MailboxEntries.find(c, entryId, accountId).orElseThrow(() -> new MessageNotFoundException(entryId));
            MailboxEntries.save(c, rule.apply(entry));
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }

    /** As {@link #change}, and the search index learns the new folder ({@code in:trash}). */
    private void changeFolder(long entryId, long accountId, UnaryOperator<MailboxEntry> rule)
            throws MessageNotFoundException {
        try (Connection c = dataSource.getConnection()) {
            MailboxEntry entry =
                    MailboxEntries.find(c, entryId, accountId).orElseThrow(() -> new MessageNotFoundException(entryId));
            MailboxEntry moved = rule.apply(entry);
            if (moved.folder() != entry.folder()) {
                MailboxEntries.save(c, moved);
                SearchIndexQueue.enqueue(c, accountId, entryId);
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mailbox cannot be changed now", e);
        }
    }
}
