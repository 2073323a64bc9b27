package org.sealpost.portal.message;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One recipient's view of one message: its folder and read state. The rules of moving it live
 * here and change the loaded row; {@link StoredMessages} loads it by (entry, account) only, so an
 * entry can never be changed through another account, and writes the change at commit.
 *
 * <p>Rows are inserted by the owner's JDBC statements (the intake's batch, a Sent copy), never
 * persisted through JPA: the id, the account, the message and the arrival time never change.
 */
@Entity
@Cacheable(false)
@Table(name = "mailbox_entry")
public class MailboxEntry {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false, insertable = false, updatable = false)
    private long accountId;

    @Column(name = "content_id", nullable = false, insertable = false, updatable = false)
    private UUID contentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Folder folder;

    @Enumerated(EnumType.STRING)
    @Column(name = "folder_before_trash")
    private Folder folderBeforeTrash;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    @Column(name = "received_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime receivedAt;

    protected MailboxEntry() {
        // for JPA
    }

    /** A row read on a plain connection by {@link StoredMessages#find}: not managed, its changes not stored. */
    MailboxEntry(
            long id,
            long accountId,
            UUID contentId,
            Folder folder,
            Folder folderBeforeTrash,
            boolean read,
            Instant receivedAt) {
        this.id = id;
        this.accountId = accountId;
        this.contentId = contentId;
        this.folder = folder;
        this.folderBeforeTrash = folderBeforeTrash;
        this.read = read;
        this.receivedAt = receivedAt.atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * To the trash, remembering where it was, so {@link #restore} can put it back there.
     *
     * @return whether the folder changed (the search index must learn of it)
     */
    public boolean moveToTrash() {
        if (folder == Folder.TRASH) {
            return false;
        }
        folderBeforeTrash = folder;
        folder = Folder.TRASH;
        return true;
    }

    /**
     * Back to where it was before the trash; the inbox if that is unknown (a row trashed before
     * the trash remembered its folder, V3).
     *
     * @return whether the folder changed
     */
    public boolean restore() {
        if (folder != Folder.TRASH) {
            return false;
        }
        folder = folderBeforeTrash == null ? Folder.INBOX : folderBeforeTrash;
        folderBeforeTrash = null;
        return true;
    }

    public void markRead(boolean nowRead) {
        read = nowRead;
    }

    /**
     * Only what is in the trash is deleted for ever: one click in the inbox must never destroy
     * a message, and for the last recipient it destroys the key, so nothing can bring it back.
     */
    public boolean mayBeDeletedForever() {
        return folder == Folder.TRASH;
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public UUID contentId() {
        return contentId;
    }

    public Folder folder() {
        return folder;
    }

    public Folder folderBeforeTrash() {
        return folderBeforeTrash;
    }

    public boolean read() {
        return read;
    }

    public Instant receivedAt() {
        return receivedAt.toInstant();
    }
}
