package org.sealpost.portal.operator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;

/**
 * The portal's persistence unit outside Payara: the same entities and mappings as the deployed
 * portal, but resource-local over a plain JDBC URL, for the operator's commands (which run beside
 * or without a portal) and for the tests of the domain against a real PostgreSQL. The schema is
 * the caller's to migrate first, as the portal migrates it at start.
 */
public final class StandalonePersistence {

    private StandalonePersistence() {}

    /** A factory for the {@code sealpost} unit on the database at {@code jdbcUrl}. */
    public static EntityManagerFactory open(String jdbcUrl, String user, String password) {
        Map<String, Object> p = new HashMap<>();
        // persistence.xml names a JTA data source for Payara; here there is neither.
        p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        p.put("jakarta.persistence.jtaDataSource", "");
        p.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        p.put("jakarta.persistence.jdbc.url", jdbcUrl);
        p.put("jakarta.persistence.jdbc.user", user);
        p.put("jakarta.persistence.jdbc.password", password);
        // Payara weaves at deployment; without an agent there is nothing to weave with.
        p.put("eclipselink.weaving", "false");
        p.put("eclipselink.logging.level", "WARNING");
        return Persistence.createEntityManagerFactory("sealpost", p);
    }

    /** Runs {@code work} in one transaction on a fresh entity manager; commits unless it throws. */
    public static <T> T inTransaction(EntityManagerFactory emf, OperatorContext.Work<T> work) throws Exception {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.run(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
