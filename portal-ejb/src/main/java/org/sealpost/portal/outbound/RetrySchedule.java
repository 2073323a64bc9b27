package org.sealpost.portal.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * When a deferred mail is tried again: the interval doubles with each attempt up to six hours
 * (as MTAs back off), and a mail older than the maximum age is given up, as RFC 5321 §4.5.4.1
 * suggests for undeliverable mail (4–5 days).
 */
public record RetrySchedule(Duration firstInterval, Duration maxAge) {

    static final Duration LONGEST_INTERVAL = Duration.ofHours(6);

    public RetrySchedule {
        if (firstInterval.isNegative() || firstInterval.isZero() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("retry interval and maximum age must be positive");
        }
    }

    /** The time of the next attempt after {@code attempts} failed ones (1 = the first failure). */
    public Instant nextAttempt(Instant now, int attempts) {
        Duration wait = firstInterval;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_INTERVAL) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(LONGEST_INTERVAL) > 0 ? LONGEST_INTERVAL : wait);
    }

    public boolean givenUp(Instant queuedAt, Instant now) {
        return !now.isBefore(queuedAt.plus(maxAge));
    }
}
