package org.sealpost.portal.administration;

import java.time.Instant;

/** A row of the outbound queue that has not been delivered: waiting for a retry, or given up. */
public record UndeliveredMail(long id, String kind, String recipient, String state, int attempts, Instant queuedAt,
        Instant nextAttemptAt, String lastError) {

    public boolean givenUp() {
        return state.equals("FAILED");
    }
}
