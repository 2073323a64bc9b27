package org.sealpost.portal.message;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What compose still calls by this name: the look-up of the original it answers and the insert
 * of its Sent copy, both now {@link StoredMessages}'s, the owner of {@code mailbox_entry}. No
 * statement of its own; goes when compose calls the owner directly.
 */
public final class MailboxEntries {

    private MailboxEntries() {}

    /** See {@link StoredMessages#find(Connection, long, long)}. */
    public static Optional<MailboxEntry> find(Connection c, long entryId, long accountId) {
        return StoredMessages.find(c, entryId, accountId);
    }

    /** See {@link StoredMessages#insertSent}. */
    public static long insertSent(Connection c, long accountId, UUID contentId, Instant at) {
        return StoredMessages.insertSent(c, accountId, contentId, at);
    }
}
