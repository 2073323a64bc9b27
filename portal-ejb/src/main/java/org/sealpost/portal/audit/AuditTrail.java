package org.sealpost.portal.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Records audit events in the caller's transaction, so an event is kept exactly when what it
 * describes is (a sign-in failure is recorded with the failure count it raised).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    public void record(String actor, AuditAction action, String targetType, String targetId, String clientAddress,
            String detail, Instant at) {
        record(em, actor, action, targetType, targetId, clientAddress, detail, at);
    }

    /** The same, on a given entity manager: for services that run outside the container in tests. */
    public static void record(EntityManager em, String actor, AuditAction action, String targetType, String targetId,
            String clientAddress, String detail, Instant at) {
        em.createNativeQuery("""
                INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, client_address, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .setParameter(1, at.atOffset(ZoneOffset.UTC))
                .setParameter(2, actor)
                .setParameter(3, action.name())
                .setParameter(4, targetType)
                .setParameter(5, targetId)
                .setParameter(6, clientAddress)
                .setParameter(7, detail)
                .executeUpdate();
        org.sealpost.portal.meters.PortalMeters.audited(action.name());
    }
}
