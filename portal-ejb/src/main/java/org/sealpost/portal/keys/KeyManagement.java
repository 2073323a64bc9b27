package org.sealpost.portal.keys;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.sealpost.portal.crypto.PortalKeys;

/**
 * {@link KeyLifecycle} in the portal, one transaction per call: for the administrator's key
 * page and the re-wrap worker. The keystore is the one the portal seals with, so a rotation
 * here is used for the very next message on this node (and within seconds on the others).
 */
@Stateless
public class KeyManagement {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalKeys keys;

    private KeyLifecycle lifecycle() {
        return new KeyLifecycle(em, keys.keyEncryptionKeys(), keys.sealer(), Clock.systemUTC());
    }

    public KeyStatus status() {
        return lifecycle().status();
    }

    /** @return the new current version */
    public int rotate(String actor, String clientAddress) {
        return lifecycle().rotate(actor, clientAddress);
    }

    /** A refusal commits its audit event and changes nothing else (an application exception does not roll back). */
    public void retire(int version, String actor, String clientAddress) throws RetireRefusedException {
        lifecycle().retire(version, actor, clientAddress);
    }

    public KeyLifecycle.RewrapState rewrapState() {
        return lifecycle().rewrapState();
    }

    /** One batch, in its own short transaction, whoever calls it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public WrappedDataKeys.Batch rewrapBatch() {
        return lifecycle().rewrapBatch(KeyLifecycle.BATCH);
    }
}
