package org.sealpost.portal.message;

/** Where a mailbox entry is shown. */
public enum Folder {
    INBOX,
    SENT,
    TRASH
}
