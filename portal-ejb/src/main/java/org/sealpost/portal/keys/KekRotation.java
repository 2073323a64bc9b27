package org.sealpost.portal.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One rotation: the version it made current, when and by whom, and how far the re-wrap of the
 * older keys has come. What is left is not stored but counted ({@link WrappedDataKeys#olderThan}),
 * so progress survives a restart without bookkeeping that could drift from the data.
 */
@Entity
@Table(name = "kek_rotation")
public class KekRotation {

    /**
     * How long after a rotation the nodes may still wrap new keys with the version before: each
     * looks at the keystore file every {@code KeyEncryptionKeys.FILE_CHECK_INTERVAL} (2 s), and a
     * message sealed just before that look is stored moments later. Re-wrapping waits this long,
     * so that no node, saving a draft it sealed with the old version, writes over a row already
     * re-wrapped; retiring the version before waits at least as long, so that no key still being
     * stored under it is stranded.
     */
    public static final Duration SETTLE = Duration.ofSeconds(10);

    @Id
    @Column(name = "kek_version")
    private int kekVersion;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "keys_at_start", nullable = false, updatable = false)
    private long keysAtStart;

    @Column(name = "rewrapped", nullable = false)
    private long rewrapped;

    @Column(name = "progress_at")
    private OffsetDateTime progressAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected KekRotation() {
        // for JPA
    }

    static KekRotation started(int kekVersion, String startedBy, long keysAtStart, Instant at) {
        KekRotation r = new KekRotation();
        r.kekVersion = kekVersion;
        r.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        r.keysAtStart = keysAtStart;
        r.startedAt = at.atOffset(ZoneOffset.UTC);
        if (keysAtStart == 0) {
            r.finishedAt = r.startedAt;
        }
        return r;
    }

    public int kekVersion() {
        return kekVersion;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public String startedBy() {
        return startedBy;
    }

    public boolean finished() {
        return finishedAt != null;
    }

    /** Whether every node wraps new keys with this rotation's version by now ({@link #SETTLE}). */
    public boolean settled(Instant now) {
        return !now.isBefore(startedAt().plus(SETTLE));
    }

    /**
     * Where the re-wrap stands, with {@code left} keys still under older versions: done, left,
     * the rate since the re-wrap could start (so a pause, a restart, shows as a lower rate) and
     * the time left at that rate.
     */
    public RotationProgress progress(long left, Instant now) {
        Instant last = progressAt == null ? null : progressAt.toInstant();
        Double perSecond = null;
        if (last != null && rewrapped > 0) {
            // From when the re-wrap could start: the settling time is no part of its rate.
            double seconds =
                    Math.max(Duration.between(startedAt().plus(SETTLE), last).toMillis(), 1) / 1000.0;
            perSecond = rewrapped / seconds;
        }
        Duration timeLeft = left == 0
                ? Duration.ZERO
                : perSecond == null ? null : Duration.ofSeconds((long) Math.ceil(left / perSecond));
        return new RotationProgress(
                kekVersion,
                startedAt(),
                startedBy,
                rewrapped,
                left,
                perSecond,
                timeLeft,
                finishedAt == null ? null : finishedAt.toInstant(),
                settled(now));
    }
}
