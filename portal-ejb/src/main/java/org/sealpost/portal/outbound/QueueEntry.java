package org.sealpost.portal.outbound;

import java.time.Instant;
import java.util.Optional;

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

    /** The portal's own reason for the last failure, which a page says from its bundle. */
    public Optional<PortalFailure> portalFailure() {
        return PortalFailure.of(lastError);
    }

    /** The detail of {@link #portalFailure()} (the administrator who gave the mail up), or empty. */
    public String portalFailureDetail() {
        return portalFailure().isPresent() ? PortalFailure.detail(lastError) : "";
    }

    public boolean givenUp() {
        return state == QueueState.GIVEN_UP;
    }

    /** For the audit: what the row was. */
    public String describe() {
        return kind + " to " + recipient + ", " + state + " after " + attempts + " attempt(s)";
    }
}
