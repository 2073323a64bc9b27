package org.sealpost.bridge.internal;

/**
 * The rules a transaction applies, built once from the settings and shared by all sessions
 * (every rule is immutable).
 */
public record TransactionRules(
        RecipientPolicy recipients,
        MessageSizeLimit size,
        EncryptFlagRule encryptFlag,
        ReceivedHeader receivedHeader) {
}
