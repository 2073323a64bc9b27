package org.sealpost.portal.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * The audit chain as the portal keeps it: linking (for {@link AuditChainWorker}), the "verify
 * chain" button, and the last check for the overview page. The work itself is in the plain
 * classes that {@code ./sealpost audit verify} runs too.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AuditChain {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    /** One batch of links in its own transaction; how many events it linked. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkBatch() {
        try (Connection c = dataSource.getConnection()) {
            return AuditChainLinker.linkBatch(c, Instant.now());
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit chain cannot be extended now: " + e.getMessage(), e);
        }
    }

    /**
     * Links what is committed, verifies the whole chain, records the result and the check
     * itself: all in one transaction of its own, so the check's record stays even when the
     * caller's work fails.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ChainVerdict verify(String actor, String clientAddress) {
        Instant now = Instant.now();
        // One connection in the container's transaction: the data source's and em's.
        try (Connection c = dataSource.getConnection()) {
            AuditChainLinker.linkAll(c, now);
            return AuditChainCheck.run(em, actor, clientAddress, now);
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit chain cannot be verified now", e);
        }
    }

    /** When the chain was last verified, by whom, and the result; empty before the first check. */
    public Optional<ChainCheck> lastCheck() {
        try (Connection c = dataSource.getConnection()) {
            return AuditChainCheck.lastCheck(c);
        } catch (SQLException e) {
            throw new AuditUnavailableException("the last audit chain check cannot be read now", e);
        }
    }
}
