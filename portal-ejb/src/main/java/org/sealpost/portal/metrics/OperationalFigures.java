package org.sealpost.portal.metrics;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.search.IndexFollowers;
import org.sealpost.portal.session.SessionRegistry;

/**
 * What every node shares and so reads from the database, each figure from its table's owner,
 * in one short read-only transaction per scrape.
 */
@Stateless
public class OperationalFigures {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private SessionRegistry sessions;

    /** One reading. */
    public record Reading(
            List<OutboundQueue.Backlog> outbound, SearchIndexQueue.Lag searchIndex, long activeSessions, Instant at) {}

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Reading read() {
        Instant now = Instant.now();
        Connection c = em.unwrap(Connection.class);
        // The owners report a failed statement as StorageUnavailableException.
        return new Reading(OutboundQueue.backlog(c), IndexFollowers.lag(c), sessions.activeSessions(now), now);
    }
}
