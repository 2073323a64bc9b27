package org.sealpost.portal.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.crypto.SealedMessage;

/** A message ready to store: sealed, with its envelope recipients and where it came from. */
public record SealedArrival(
        UUID messageId,
        SealedMessage sealed,
        long sizeBytes,
        List<EmailAddress> recipients,
        Instant receivedAt,
        String clientAddress,
        String tlsProtocol) {

    public SealedArrival {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
    }
}
