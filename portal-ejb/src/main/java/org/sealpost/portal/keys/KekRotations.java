package org.sealpost.portal.keys;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/** The owner of table {@code kek_rotation}: every statement about it is here. */
public final class KekRotations {

    private final EntityManager em;

    public KekRotations(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    void add(KekRotation rotation) {
        em.persist(rotation);
        em.flush();
    }

    /** The rotation that made {@code version} current, if it was rotated through Sealpost. */
    Optional<KekRotation> of(int version) {
        return Optional.ofNullable(em.find(KekRotation.class, version));
    }

    /** The newest rotation. */
    public Optional<KekRotation> latest() {
        return em.createQuery("SELECT r FROM KekRotation r ORDER BY r.kekVersion DESC", KekRotation.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * The first recorded rotation past {@code version}: the moment {@code version} stopped being
     * current (empty when that happened outside Sealpost, before this table existed).
     */
    Optional<KekRotation> firstAfter(int version) {
        return em.createQuery(
                        "SELECT r FROM KekRotation r WHERE r.kekVersion > :v ORDER BY r.kekVersion", KekRotation.class)
                .setParameter("v", version)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Adds a batch's count to the rotation of {@code version}, in the batch's transaction (one
     * statement, so batches on several nodes add up without reading each other's counts).
     */
    void recordProgress(int version, long rewrapped, Instant at) {
        em.createQuery("""
                UPDATE KekRotation r SET r.rewrapped = r.rewrapped + :n, r.progressAt = :at
                WHERE r.kekVersion = :v""")
                .setParameter("n", rewrapped)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .setParameter("v", version)
                .executeUpdate();
    }

    /**
     * Marks the rotation of {@code version}, and any earlier one a newer rotation overtook,
     * finished; true when this call finished at least one (not an earlier call, another node).
     */
    boolean finishUpTo(int version, Instant at) {
        return em.createQuery("""
                UPDATE KekRotation r SET r.finishedAt = :at WHERE r.kekVersion <= :v AND r.finishedAt IS NULL""")
                        .setParameter("at", at.atOffset(ZoneOffset.UTC))
                        .setParameter("v", version)
                        .executeUpdate()
                > 0;
    }
}
