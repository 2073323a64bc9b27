package org.sealpost.portal.outbound;

import java.time.Instant;
import java.util.UUID;

/** A row of the outbound queue, as claimed by a worker. */
public record QueuedMail(long id, OutboundKind kind, String recipient, Long accountId, UUID contentId, int attempts,
        Instant createdAt) {
}
