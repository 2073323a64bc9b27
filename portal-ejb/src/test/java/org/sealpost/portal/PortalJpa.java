package org.sealpost.portal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Runs one statement on a connection of its own (committed at once), for setting up rows. */
    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of every row {@code sql} selects, as text, for checking rows. */
    public List<String> strings(String sql) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }

    /** The first column of the one row {@code sql} selects, as text. */
    public String string(String sql) throws SQLException {
        List<String> all = strings(sql);
        if (all.size() != 1) {
            throw new IllegalStateException(all.size() + " rows, not one, for " + sql);
        }
        return all.get(0);
    }

    /** Runs {@code work} in one transaction on a fresh entity manager; commits unless it throws. */
    public <T> T inTransaction(OperatorContext.Work<T> work) throws Exception {
        return StandalonePersistence.inTransaction(emf, work);
    }

    /** The number of rows of each table, in the order given, as {@code c} sees them. */
    public static Map<String, Long> rowCounts(Connection c, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The JDBC connection of the entity manager's current transaction (not to be closed). */
    public static Connection connectionOf(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    /**
     * The entity manager's transaction as a data source, as the container gives a service's
     * {@code @Resource} data source the connection already enlisted in its JTA transaction:
     * every connection handed out is that one, and closing it leaves it to the transaction.
     */
    public static DataSource dataSourceOf(EntityManager em) {
        Connection shared = connectionOf(em);
        Connection unclosable = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public void close() {
        emf.close();
    }
}
