package org.sealpost.portal.administration;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The JDBC connection of the entity manager's transaction, for the statements the console runs
 * through the tables' owners in SQL: one transaction with its JPA changes, on one pooled
 * connection (not to be closed: the entity manager owns it). A failed statement leaves here as
 * {@link StorageUnavailableException}, as it leaves every table's owner: SQLException is
 * portal-ejb's own detail, never part of a page's API (issue 10). The console's services answer
 * it as their {@link AdministrationUnavailableException}.
 */
final class SharedConnection {

    /** Work on the shared connection, in SQL of the tables' owners. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private SharedConnection() {}

    /** The connection, for statements of owners that report their own failures. */
    static Connection of(EntityManager em) {
        return run(em, "no database connection for the console now", c -> c);
    }

    /** @param failed what could not be done, should the work fail */
    static <T> T run(EntityManager em, String failed, Work<T> work) {
        try {
            Connection c = em.unwrap(Connection.class);
            if (c == null) {
                throw new SQLException("no transaction: the entity manager has no connection to share");
            }
            return work.on(c);
        } catch (SQLException e) {
            throw new StorageUnavailableException(failed, e);
        }
    }
}
