package org.sealpost.portal.crypto;

import java.util.UUID;

/**
 * A sealed value could not be opened: it was altered, it belongs to another message or purpose,
 * it was wrapped under a key-encryption key this installation does not have, or it is not in a
 * format this build reads. Never returns partial or unauthenticated plaintext.
 *
 * <p>Checked on purpose: a caller showing a message must decide what the recipient sees when
 * its content cannot be trusted, instead of letting a generic server error escape.
 */
public final class SealBrokenException extends Exception {

    private final UUID messageId;

    public SealBrokenException(UUID messageId, String message) {
        super(message);
        this.messageId = messageId;
    }

    public SealBrokenException(UUID messageId, String message, Throwable cause) {
        super(message, cause);
        this.messageId = messageId;
    }

    /** The message the caller tried to open. */
    public UUID messageId() {
        return messageId;
    }
}
