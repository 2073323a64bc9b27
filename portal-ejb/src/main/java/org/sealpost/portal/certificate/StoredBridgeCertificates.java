package org.sealpost.portal.certificate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.sealpost.portal.platform.StorageUnavailableException;

/** The owner of table {@code bridge_certificate}: every statement about it is here. */
public final class StoredBridgeCertificates {

    private final EntityManager em;

    public StoredBridgeCertificates(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** The row in {@code state}, if any. */
    public Optional<BridgeCertificate> inState(CertificateState state) {
        return em.createQuery("SELECT c FROM BridgeCertificate c WHERE c.state = :state", BridgeCertificate.class)
                .setParameter("state", state)
                .getResultStream()
                .findFirst();
    }

    /**
     * The row in {@code state}, locked until the transaction ends, so two operators changing
     * the certificate at once take turns instead of both demoting the same CURRENT.
     */
    Optional<BridgeCertificate> lockInState(CertificateState state) {
        return em.createQuery("SELECT c FROM BridgeCertificate c WHERE c.state = :state", BridgeCertificate.class)
                .setParameter("state", state)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * The id of the CURRENT row: what every node polls every few seconds (one index lookup), and
     * reloads the key only when it changed.
     */
    public Optional<UUID> currentId() {
        List<?> ids = em.createNativeQuery("SELECT id FROM bridge_certificate WHERE state = 'CURRENT'")
                .getResultList();
        return ids.stream().findFirst().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
    }

    public Optional<BridgeCertificate> find(UUID id) {
        return Optional.ofNullable(em.find(BridgeCertificate.class, id));
    }

    void add(BridgeCertificate row) {
        em.persist(row);
    }

    void remove(BridgeCertificate row) {
        em.remove(row);
    }

    /** Pushes pending changes now, so the next statement sees them (the state swap's order). */
    void flush() {
        em.flush();
    }

    /** Every stored key, for moving them to a new key-encryption key. */
    public List<BridgeCertificate> all() {
        return em.createQuery("SELECT c FROM BridgeCertificate c ORDER BY c.createdAt", BridgeCertificate.class)
                .getResultList();
    }

    /** The key-encryption key versions the stored keys are wrapped under (none may be retired). */
    public SortedSet<Integer> kekVersionsInUse() {
        return new TreeSet<>(em.createQuery("SELECT DISTINCT c.kekVersion FROM BridgeCertificate c", Integer.class)
                .getResultList());
    }

    /**
     * When the certificate in use expires, on a plain JDBC connection: for the outbound
     * composer, which renders mail on the delivery's connection, outside any entity manager.
     */
    public static Optional<Instant> currentNotAfter(Connection c) {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT not_after FROM bridge_certificate WHERE state = 'CURRENT'");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant) : Optional.empty();
        } catch (SQLException e) {
            throw new StorageUnavailableException("the bridge certificate's expiry cannot be read now", e);
        }
    }
}
