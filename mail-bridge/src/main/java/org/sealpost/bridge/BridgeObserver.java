package org.sealpost.bridge;

/**
 * Told what the bridge answered, for counting (the portal's {@code /metrics}). Called on the
 * SMTP session's own thread right after the reply went out: implementations must be quick and
 * must not throw. Never given an address or content — only the reply's codes.
 */
public interface BridgeObserver {

    /** Counts nothing. */
    BridgeObserver NONE = new BridgeObserver() {};

    /**
     * A 4xx or 5xx reply (RFC 5321 §4.2.1) with its enhanced status code (RFC 3463, e.g.
     * {@code 5.7.0}; empty when the reply carries none): the reason, in a bounded vocabulary.
     */
    default void refused(int replyCode, String enhancedStatus) {}

    /** A message answered {@code 250} after DATA: stored and committed. */
    default void accepted() {}

    /** A session whose TLS handshake did not complete, so no reply of ours could follow. */
    default void handshakeFailed() {}
}
