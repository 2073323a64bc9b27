package org.sealpost.portal.message;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * What compose and the outbound relay still call by this name: the sealed row of a message they
 * open themselves, and an account's recent sealed metadata for address completion. Both read
 * through {@link StoredMessages}, the owner of {@code message_content}; no statement of its own.
 * Goes when those callers use the owner's {@link StoredMessages#open} and
 * {@link StoredMessages#openMetadata} instead of opening the seal themselves.
 */
public final class MessageContents {

    private MessageContents() {}

    /** See {@link StoredMessages#sealed}. */
    public static Optional<SealedMessage> sealed(Connection c, UUID contentId) {
        return StoredMessages.sealed(c, contentId);
    }

    /** See {@link StoredMessages#recentMetadata}. */
    public static List<SealedMetadata> recentMetadata(Connection c, long accountId, int max) {
        return StoredMessages.recentMetadata(c, accountId, max).stream()
                .map(m -> new SealedMetadata(m.contentId(), m.sealed()))
                .toList();
    }

    /** A message's id and its sealed metadata (the MIME left out). */
    public record SealedMetadata(UUID contentId, SealedMessage sealed) {}
}
