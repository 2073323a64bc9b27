package org.sealpost.portal.message;

import java.util.UUID;

/**
 * One recipient's view of one message: its folder and read state. The rules of moving it
 * live here; {@link MailboxEntries} stores the outcome under the same (entry, account) key it
 * was read with, so an entry can never be changed through another account.
 */
public record MailboxEntry(
        long id, long accountId, UUID contentId, Folder folder, Folder folderBeforeTrash, boolean read) {

    public MailboxEntry moveToTrash() {
        if (folder == Folder.TRASH) {
            return this;
        }
        return new MailboxEntry(id, accountId, contentId, Folder.TRASH, folder, read);
    }

    /** Back to where it was before the trash; the inbox if that is unknown. */
    public MailboxEntry restore() {
        if (folder != Folder.TRASH) {
            return this;
        }
        return new MailboxEntry(
                id, accountId, contentId, folderBeforeTrash == null ? Folder.INBOX : folderBeforeTrash, null, read);
    }

    public MailboxEntry markRead(boolean nowRead) {
        return new MailboxEntry(id, accountId, contentId, folder, folderBeforeTrash, nowRead);
    }

    /**
     * Only what is in the trash is deleted for ever: one click in the inbox must never destroy
     * a message, and for the last recipient it destroys the key, so nothing can bring it back.
     */
    public boolean mayBeDeletedForever() {
        return folder == Folder.TRASH;
    }
}
