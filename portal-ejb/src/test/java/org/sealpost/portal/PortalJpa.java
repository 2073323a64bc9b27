package org.sealpost.portal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import javax.sql.DataSource;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.operator.OperatorContext;
import org.sealpost.portal.operator.StandalonePersistence;
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
        return new PortalJpa(ds, StandalonePersistence.open(db.jdbcUrl(), db.user(), db.password()));
    }

    /** Plain JDBC, for setting up and checking rows. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The factory itself, for a service that opens an entity manager per call. */
    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    /** Runs {@code work} in one transaction on a fresh entity manager; commits unless it throws. */
    public <T> T inTransaction(OperatorContext.Work<T> work) throws Exception {
        return StandalonePersistence.inTransaction(emf, work);
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
