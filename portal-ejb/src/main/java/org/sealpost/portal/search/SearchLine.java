package org.sealpost.portal.search;

import java.time.Instant;
import org.sealpost.portal.message.Folder;

/** One hit as its owner sees it, decrypted: which message, from whom, about what, where. */
public record SearchLine(
        long entryId, String sender, String subject, Instant receivedAt, Folder folder, boolean read) {}
