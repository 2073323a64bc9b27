package org.sealpost.portal.message;

import java.time.Instant;

/** One line of a folder listing, decrypted for its owner. */
public record MailboxLine(
        long entryId,
        String sender,
        String subject,
        Instant receivedAt,
        boolean read,
        boolean hasAttachments,
        long sizeBytes) {}
