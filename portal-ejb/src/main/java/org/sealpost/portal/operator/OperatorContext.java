package org.sealpost.portal.operator;

import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.sealpost.portal.config.Setting;

/**
 * What an {@link OperatorCommand} may use: the settings exactly as {@code ./sealpost run} resolves
 * them (its development defaults included, so {@link Setting#DB_URL} names the embedded database
 * when none is configured), the data directory, the portal's database through the portal's own
 * persistence unit, and the three standard streams.
 */
public interface OperatorContext {

    /** A setting as the running portal sees it; empty when neither configured nor defaulted. */
    Optional<String> setting(Setting setting);

    /** True when {@code SEALPOST_MODE=prod}: commands apply production's stricter checks. */
    boolean production();

    /** The data directory ({@code SEALPOST_DATA_DIR}, else {@code ./data}), absolute. */
    Path dataDirectory();

    /** One unit of work on a fresh entity manager in one resource-local transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(EntityManager em) throws Exception;
    }

    /**
     * Runs {@code work} in one transaction on the portal's database (migrated first, as the
     * portal migrates it at start), committing unless it throws; the JDBC connection of the
     * transaction is {@code em.unwrap(java.sql.Connection.class)}.
     */
    <T> T inTransaction(Work<T> work) throws Exception;

    /** Who the audit log names for what this command does: {@code operator:<OS user>}. */
    String actor();

    PrintStream out();

    PrintStream err();

    InputStream in();
}
