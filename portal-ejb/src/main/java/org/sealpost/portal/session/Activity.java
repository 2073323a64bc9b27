package org.sealpost.portal.session;

import java.time.Duration;
import java.time.Instant;

/**
 * When a session counts as active, and how often its last-seen time is written.
 *
 * <p>Writing last-seen on every request would turn each page view into a database write;
 * once a minute is enough for "last active" on the account page, so a row's last-seen may lag
 * the truth by up to {@link #TOUCH_INTERVAL}. A session is active while its row is open and it
 * was seen within the idle timeout plus that lag: the container discards a session idle
 * longer than the timeout, and a row left open by a node that died without reporting its
 * sessions' expiry drops out of the list by itself.
 */
public final class Activity {

    /** At most one last-seen write per session per this interval. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Duration idleTimeout;

    public Activity(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
        this.idleTimeout = idleTimeout;
    }

    /** Last-seen times before this instant are written again at {@code now}. */
    public static Instant touchedBefore(Instant now) {
        return now.minus(TOUCH_INTERVAL);
    }

    /** An open session last seen at or after this instant is active at {@code now}. */
    public Instant activeSince(Instant now) {
        return now.minus(idleTimeout).minus(TOUCH_INTERVAL);
    }

    public boolean isActive(Instant lastSeen, Instant now) {
        return !lastSeen.isBefore(activeSince(now));
    }
}
