package org.sealpost.bridge;

/**
 * The port through which the bridge hands a received message to whoever stores it (portal-ejb
 * implements it). The bridge owns this interface so that the dependency points from the portal
 * to the bridge, never back.
 *
 * <p>Called from the SMTP session threads, possibly concurrently: implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface InboundMessageSink {

    /**
     * Takes responsibility for one message. Called once the whole DATA has been received and the
     * message has passed every rule of the bridge.
     *
     * <p>Must return only once the message is durable ({@link SinkVerdict#accepted()}) or
     * definitely not stored: the bridge answers {@code 250} to the gateway on ACCEPTED and the
     * gateway then deletes its copy (RFC 5321 §6.1, "it MUST NOT lose the message"). A
     * {@link RuntimeException} is answered with {@code 451 4.3.0}, so the gateway retries.
     */
    SinkVerdict accept(InboundMessage message);
}
