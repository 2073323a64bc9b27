package org.sealpost.portal.outbound;

import java.time.Instant;

/**
 * A row of the outbound queue that has not been delivered, as the administrators' mail queue
 * shows it.
 *
 * @param nextAttemptAt when the worker tries it next; meaningless once given up
 * @param lastError     the smarthost's or the TLS layer's reason for the last failure, if any,
 *     or the portal's own as a {@link PortalFailure} code
 */
public record QueueEntry(
        long id,
        OutboundKind kind,
        String recipient,
        QueueState state,
        int attempts,
        Instant queuedAt,
        Instant nextAttemptAt,
        String lastError) {

    public boolean givenUp() {
        return state == QueueState.GIVEN_UP;
    }

    /** For the audit: what the row was. */
    public String describe() {
        return kind + " to " + recipient + ", " + state + " after " + attempts + " attempt(s)";
    }
}
