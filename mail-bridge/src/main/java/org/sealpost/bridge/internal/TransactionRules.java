package org.sealpost.bridge.internal;

/**
 * The rules a transaction applies, built once from the settings and shared by all sessions
 * (every rule is immutable; {@code inFlight} is the one shared counter, thread-safe).
 */
public record TransactionRules(
        RecipientPolicy recipients,
        MessageSizeLimit size,
        EncryptFlagRule encryptFlag,
        ReceivedHeader receivedHeader,
        InFlightBytes inFlight) {

    /** Without a cap on the bytes in flight. */
    public TransactionRules(
            RecipientPolicy recipients,
            MessageSizeLimit size,
            EncryptFlagRule encryptFlag,
            ReceivedHeader receivedHeader) {
        this(recipients, size, encryptFlag, receivedHeader, InFlightBytes.unlimited());
    }
}
