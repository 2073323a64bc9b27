package org.sealpost.portal.outbound;

/**
 * Column {@code outbound_mail.state} (its CHECK constraint lists the same names). "Sending" is
 * no state of its own: a row being sent is QUEUED and row-locked by the delivery that claimed it
 * ({@code FOR UPDATE SKIP LOCKED}), so a node that dies mid-send leaves it QUEUED for the next.
 */
public enum DeliveryState {
    /** Waiting for its next attempt (the first, or a retry after a failure). */
    QUEUED,
    SENT,
    /** Given up: older than the maximum age, or by an administrator. Never tried again unless retried. */
    FAILED
}
