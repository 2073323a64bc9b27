package org.sealpost.portal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.testsupport.TestDatabase;

/**
 * The portal's persistence unit outside the container: a fresh migrated PostgreSQL database
 * ({@link TestDatabase}) and EclipseLink, the provider Payara ships, bootstrapped
 * resource-local. Services written as plain classes over an entity manager and the
 * transaction's JDBC connection run here exactly as in Payara, within one transaction.
 */
public final class PortalJpa implements AutoCloseable {

    private final DataSource dataSource;
    private final EntityManagerFactory emf;

    private PortalJpa(DataSource dataSource, EntityManagerFactory emf) {
        this.dataSource = dataSource;
        this.emf = emf;
    }

    public static PortalJpa create(String purpose) {
        TestDatabase.Database db = TestDatabase.server().createDatabase(purpose);
        DataSource ds = db.dataSource();
        SchemaMigrations.migrate(ds);
        Map<String, Object> p = new HashMap<>();
        p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        p.put("jakarta.persistence.jtaDataSource", "");
        p.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        p.put("jakarta.persistence.jdbc.url", db.jdbcUrl());
        p.put("jakarta.persistence.jdbc.user", db.user());
        p.put("jakarta.persistence.jdbc.password", db.password());
        // Payara weaves at deployment; without an agent there is nothing to weave with.
        p.put("eclipselink.weaving", "false");
        return new PortalJpa(ds, Persistence.createEntityManagerFactory("sealpost", p));
    }

    /** Plain JDBC, for setting up and checking rows. */
    public DataSource dataSource() {
        return dataSource;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(EntityManager em) throws Exception;
    }

    /** Runs {@code work} in one transaction on a fresh entity manager; commits unless it throws. */
    public <T> T inTransaction(Work<T> work) throws Exception {
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

    /** The JDBC connection of the entity manager's current transaction (not to be closed). */
    public static Connection connectionOf(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    @Override
    public void close() {
        emf.close();
    }
}
