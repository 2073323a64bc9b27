package org.sealpost.portal.outbound;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an undelivered row of the outbound queue stands, as an administrator reads it. Column
 * {@code outbound_mail.state} knows only QUEUED, SENT and FAILED; a QUEUED row that failed at
 * least once is DEFERRED here.
 */
public enum QueueState {
    /** Waiting for its first attempt. */
    QUEUED("state = 'QUEUED' AND attempts = 0", "%1$s.state = %2$s.QUEUED AND %1$s.attempts = 0"),
    /** Tried and failed at least once; tried again at its next attempt. */
    DEFERRED("state = 'QUEUED' AND attempts > 0", "%1$s.state = %2$s.QUEUED AND %1$s.attempts > 0"),
    /** Older than the maximum age, or given up by an administrator: never tried again unless retried. */
    GIVEN_UP("state = 'FAILED'", "%1$s.state = %2$s.FAILED");

    /** The rows in this state, as a condition on outbound_mail (constant text, never input). */
    final String condition;

    /**
     * The same condition in JPQL on {@link OutboundMail}, its alias and the state enum's name
     * left to fill in (constant text, never input).
     */
    private final String jpqlCondition;

    QueueState(String condition, String jpqlCondition) {
        this.condition = condition;
        this.jpqlCondition = jpqlCondition;
    }

    /** The rows in any of {@code states}, as a JPQL condition on {@code alias}, an {@link OutboundMail}. */
    static String jpql(Set<QueueState> states, String alias) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("no state asked for");
        }
        return states.stream()
                .map(s -> "(" + s.jpqlCondition.formatted(alias, DeliveryState.class.getName()) + ")")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    static QueueState of(String state, int attempts) {
        return switch (state) {
            case "FAILED" -> GIVEN_UP;
            case "QUEUED" -> attempts == 0 ? QUEUED : DEFERRED;
            default -> throw new IllegalArgumentException("not an undelivered state: " + state);
        };
    }
}
