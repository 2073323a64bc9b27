package org.sealpost.portal.outbound;

/**
 * Where an undelivered row of the outbound queue stands, as an administrator reads it. Column
 * {@code outbound_mail.state} knows only QUEUED, SENT and FAILED; a QUEUED row that failed at
 * least once is DEFERRED here.
 */
public enum QueueState {
    /** Waiting for its first attempt. */
    QUEUED("state = 'QUEUED' AND attempts = 0"),
    /** Tried and failed at least once; tried again at its next attempt. */
    DEFERRED("state = 'QUEUED' AND attempts > 0"),
    /** Older than the maximum age, or given up by an administrator: never tried again unless retried. */
    GIVEN_UP("state = 'FAILED'");

    /** The rows in this state, as a condition on outbound_mail (constant text, never input). */
    final String condition;

    QueueState(String condition) {
        this.condition = condition;
    }

    static QueueState of(String state, int attempts) {
        return switch (state) {
            case "FAILED" -> GIVEN_UP;
            case "QUEUED" -> attempts == 0 ? QUEUED : DEFERRED;
            default -> throw new IllegalArgumentException("not an undelivered state: " + state);
        };
    }
}
