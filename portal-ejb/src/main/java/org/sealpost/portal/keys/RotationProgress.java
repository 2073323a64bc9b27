package org.sealpost.portal.keys;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the latest rotation has come.
 *
 * @param version    the version it made current
 * @param done       keys re-wrapped to it so far
 * @param left       keys still wrapped by an older version (counted, not remembered)
 * @param perSecond  re-wrapped keys per second since the re-wrap could start (the rotation plus {@link KekRotation#SETTLE}); null before the first batch
 * @param timeLeft   at that rate; null while the rate is unknown, zero when nothing is left
 * @param finishedAt when the last older key was re-wrapped; null while some are left
 * @param settled    whether the nodes have had time to start wrapping with it ({@link KekRotation#SETTLE});
 *                   re-wrapping starts then
 */
public record RotationProgress(
        int version,
        Instant startedAt,
        String startedBy,
        long done,
        long left,
        Double perSecond,
        Duration timeLeft,
        Instant finishedAt,
        boolean settled) {

    public boolean finished() {
        return finishedAt != null;
    }
}
