package org.sealpost.portal.keys;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;

/**
 * Rotation, status and retirement of the key-encryption keys, over one entity manager (one
 * transaction per call: the caller's) and the keystore. Plain Java: the portal's
 * {@code KeyManagement} bean, its re-wrap worker and the operator's {@code ./sealpost keys} all
 * run this class, so a rotation started on either side is finished by whichever runs next.
 */
public final class KeyLifecycle {

    /**
     * Keys per re-wrap batch, each batch one short transaction: small enough that a delete for
     * ever waiting for a locked row waits milliseconds, large enough that the per-transaction
     * cost does not dominate (a key is re-wrapped in microseconds; its UPDATE is the cost).
     */
    public static final int BATCH = 500;

    /** Audit target type of the events here. */
    static final String TARGET = "kek";

    private final EntityManager em;
    private final KeyEncryptionKeys keks;
    private final MessageSealer sealer;
    private final Clock clock;
    private final KekRotations rotations;

    public KeyLifecycle(EntityManager em, KeyEncryptionKeys keks, MessageSealer sealer, Clock clock) {
        this.em = Objects.requireNonNull(em, "em");
        this.keks = Objects.requireNonNull(keks, "keks");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rotations = new KekRotations(em);
    }

    /** Versions, which is current, the keys each wraps per table, and the latest rotation's progress. */
    public KeyStatus status() {
        keks.reload();
        Map<DataKeyTable, SortedMap<Integer, Long>> counts = WrappedDataKeys.countByVersion(connection());
        SortedSet<Integer> held = keks.versions();
        int current = held.last();
        SortedSet<Integer> all = new TreeSet<>(held);
        counts.values().forEach(perVersion -> all.addAll(perVersion.keySet()));
        List<KeyStatus.VersionUse> versions = new ArrayList<>();
        for (int version : all) {
            Map<DataKeyTable, Long> keys = new EnumMap<>(DataKeyTable.class);
            for (DataKeyTable t : DataKeyTable.values()) {
                keys.put(t, counts.get(t).getOrDefault(version, 0L));
            }
            versions.add(
                    new KeyStatus.VersionUse(version, version == current, held.contains(version), Map.copyOf(keys)));
        }
        Optional<RotationProgress> rotation = rotations
                .latest()
                .map(r -> r.progress(
                        versions.stream()
                                .filter(v -> v.version() < r.kekVersion() && v.inKeystore())
                                .mapToLong(KeyStatus.VersionUse::total)
                                .sum(),
                        clock.instant()));
        return new KeyStatus(keks.path(), List.copyOf(versions), rotation);
    }

    /**
     * Adds a new version to the keystore and makes it current; the data keys under older
     * versions are re-wrapped to it afterwards, batch by batch ({@link #rewrapBatch}), by every
     * node's re-wrap worker and the operator's command, starting {@link KekRotation#SETTLE}
     * from now. The keystore changes first, so the rotation row never names a version the
     * keystore lacks; if the transaction then fails, the version is current anyway and its keys
     * are re-wrapped all the same, only without a progress row.
     *
     * @return the new current version
     */
    public int rotate(String actor) {
        return rotate(actor, null);
    }

    /** {@link #rotate(String)} asked from {@code clientAddress} (the admin page), for the audit trail. */
    public int rotate(String actor, String clientAddress) {
        int version = keks.rotate();
        long older = WrappedDataKeys.olderThan(connection(), version);
        Instant now = clock.instant();
        rotations.add(KekRotation.started(version, actor, older, now));
        AuditTrail.on(em)
                .record(
                        actor,
                        AuditAction.KEK_ROTATED,
                        TARGET,
                        "kek-v" + version,
                        clientAddress,
                        "kek-v" + version + " is current in " + keks.path() + "; " + older
                                + " data keys wrapped by older versions to re-wrap",
                        now);
        return version;
    }

    /** Whether a re-wrap batch has anything to do now. */
    public enum RewrapState {
        /** Every key the keystore can open is wrapped by the current version. */
        NOTHING_TO_DO,
        /** A rotation was just made; re-wrapping starts when it has {@link KekRotation#SETTLE}d. */
        SETTLING,
        /** Keys under older versions wait. */
        DUE
    }

    public RewrapState rewrapState() {
        int current = keks.currentVersion();
        Optional<KekRotation> rotation = rotations.of(current);
        if (rotation.isPresent() && !rotation.get().settled(clock.instant())) {
            return RewrapState.SETTLING;
        }
        return WrappedDataKeys.anyWrappedBy(connection(), older(current)) ? RewrapState.DUE : RewrapState.NOTHING_TO_DO;
    }

    /**
     * Re-wraps up to {@code limit} keys still wrapped by an older version the keystore holds to
     * the current one, in the caller's transaction (one batch, one transaction), and counts
     * them on the rotation's row; finishes the rotation when none is left. Does nothing while
     * the rotation {@linkplain RewrapState#SETTLING settles}.
     */
    public WrappedDataKeys.Batch rewrapBatch(int limit) {
        int current = keks.currentVersion();
        Instant now = clock.instant();
        Optional<KekRotation> rotation = rotations.of(current);
        if (rotation.isPresent() && !rotation.get().settled(now)) {
            return new WrappedDataKeys.Batch(0, 0);
        }
        List<Integer> older = older(current);
        Connection c = connection();
        WrappedDataKeys.Batch batch = WrappedDataKeys.rewrap(c, sealer, older, limit);
        if (batch.rewrapped() > 0) {
            rotations.recordProgress(current, batch.rewrapped(), now);
        }
        if (batch.rewrapped() + batch.broken() < limit
                && rotation.map(r -> !r.finished()).orElse(false)
                && !WrappedDataKeys.anyWrappedBy(c, older)
                && rotations.finishUpTo(current, now)) {
            AuditTrail.on(em)
                    .record(
                            "system",
                            AuditAction.KEK_REWRAP_FINISHED,
                            TARGET,
                            "kek-v" + current,
                            null,
                            "every data key the keystore can open is wrapped by kek-v" + current,
                            now);
        }
        return batch;
    }

    /**
     * Removes {@code version} from the keystore, once nothing is wrapped by it and it is not
     * current. From then on whatever it wrapped opens from no backup, as long as no copy of the
     * keystore that holds it survives (ADR 0012). Refusals are audited and change nothing.
     *
     * @throws RetireRefusedException with the reason and a sentence for the operator
     */
    public void retire(int version, String actor) throws RetireRefusedException {
        retire(version, actor, null);
    }

    /** {@link #retire(int, String)} asked from {@code clientAddress} (the admin page), for the audit trail. */
    public void retire(int version, String actor, String clientAddress) throws RetireRefusedException {
        keks.reload();
        SortedSet<Integer> held = keks.versions();
        Instant now = clock.instant();
        try {
            if (!held.contains(version)) {
                throw new RetireRefusedException(
                        RetireRefusedException.Reason.UNKNOWN_VERSION,
                        version,
                        0,
                        "The keystore holds no kek-v" + version + " (it holds " + names(held) + ").");
            }
            if (version == held.last()) {
                throw new RetireRefusedException(
                        RetireRefusedException.Reason.CURRENT,
                        version,
                        0,
                        "kek-v" + version
                                + " is the current version: new data keys are wrapped with it. Rotate first, then retire it"
                                + " once nothing uses it.");
            }
            Map<DataKeyTable, SortedMap<Integer, Long>> counts = WrappedDataKeys.countByVersion(connection());
            long inUse = counts.values().stream()
                    .mapToLong(m -> m.getOrDefault(version, 0L))
                    .sum();
            if (inUse > 0) {
                String where = counts.entrySet().stream()
                        .filter(e -> e.getValue().getOrDefault(version, 0L) > 0)
                        .map(e -> e.getKey().table() + " " + e.getValue().get(version))
                        .collect(Collectors.joining(", "));
                throw new RetireRefusedException(
                        RetireRefusedException.Reason.IN_USE,
                        version,
                        inUse,
                        "kek-v" + version
                                + " still wraps " + inUse + " data keys (" + where
                                + "); retire it when the re-wrap has moved"
                                + " them to the current version (the status shows the progress).");
            }
            Optional<KekRotation> superseded = rotations.firstAfter(version);
            if (superseded.isPresent() && !superseded.get().settled(now)) {
                long wait = Math.max(
                        1,
                        Duration.between(now, superseded.get().startedAt().plus(KekRotation.SETTLE))
                                .toSeconds());
                throw new RetireRefusedException(
                        RetireRefusedException.Reason.TOO_SOON,
                        version,
                        wait,
                        "kek-v"
                                + version
                                + " stopped being current moments ago; a node may still be storing a key wrapped"
                                + " with it. Try again in " + wait + " s.");
            }
        } catch (RetireRefusedException refused) {
            AuditTrail.on(em)
                    .record(
                            actor,
                            AuditAction.KEK_RETIRE_REFUSED,
                            TARGET,
                            "kek-v" + version,
                            clientAddress,
                            refused.reason() + ": " + refused.getMessage(),
                            now);
            throw refused;
        }
        boolean oldest = version == held.first();
        keks.retire(version);
        AuditTrail.on(em)
                .record(
                        actor,
                        AuditAction.KEK_RETIRED,
                        TARGET,
                        "kek-v" + version,
                        clientAddress,
                        "kek-v" + version + " removed from " + keks.path()
                                + (oldest
                                        ? "; the search index key (derived from the oldest version) changes: each node"
                                                + " rebuilds its index at its next start"
                                        : ""),
                        now);
    }

    /** Whether retiring {@code version} changes the search index key (ADR 0007): it is the oldest. */
    public boolean retiringChangesSearchIndexKey(int version) {
        return version == keks.versions().first();
    }

    private List<Integer> older(int current) {
        return List.copyOf(keks.versions().headSet(current));
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    private static String names(SortedSet<Integer> versions) {
        return versions.stream().map(v -> "kek-v" + v).collect(Collectors.joining(", "));
    }
}
