package org.sealpost.portal.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: past a rotation's settling time without waiting for it. */
final class SteppingClock extends Clock {

    private volatile Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private volatile Duration tick = Duration.ZERO;

    /** From now on every reading moves the clock on by {@code tick} (a command that waits in a loop). */
    void tickOnEveryReading(Duration tick) {
        this.tick = tick;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = now.plus(tick);
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
