/**
 * Mail arriving from the gateway: the portal's implementation of the bridge's
 * {@link org.sealpost.bridge.InboundMessageSink} port.
 *
 * <p>The order matters for "nothing lost once accepted": the MIME is read and sealed
 * (CPU only) first, then one transaction stores the ciphertext, the recipients' PENDING
 * accounts, their mailbox entries, their queued notifications and an audit event; the bridge
 * answers {@code 250} only after that transaction has committed, and {@code 451} if
 * anything failed, so the gateway keeps the message and retries.
 *
 * <p>The store uses JDBC, not JPA, on purpose: it is the hot path of the bridge (hundreds of
 * messages a second), and "create the account unless it exists" is an
 * {@code INSERT ... ON CONFLICT DO NOTHING} that two concurrent deliveries to one new
 * address must both survive; an entity manager would turn that race into a rolled-back
 * transaction.
 */
package org.sealpost.portal.intake;
