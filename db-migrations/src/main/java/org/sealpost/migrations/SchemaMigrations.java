package org.sealpost.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database's schema to the version this build expects. */
public final class SchemaMigrations {

    static final String LOCATION = "classpath:db/migration/sealpost";

    private SchemaMigrations() {}

    /**
     * Applies every pending migration; safe to call on every start and from several nodes at
     * once (Flyway takes a PostgreSQL advisory lock while it migrates).
     *
     * @return the schema version after migrating
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the database
     *     holds a migration this build does not know (a newer build ran against it)
     */
    public static MigrationOutcome migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null
                ? "none"
                : flyway.info().current().getVersion().getVersion();
        return new MigrationOutcome(version, result.migrationsExecuted);
    }

    /** How many migrations of this build the database has not yet applied. */
    public static int pendingMigrations(DataSource dataSource) {
        return flyway(dataSource).info().pending().length;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                // Checksums of applied files must match: a released migration is never edited.
                .validateOnMigrate(true)
                // Flyway's default ignores migrations newer than this build ("*:future"). An
                // older build must not run on a schema it does not know: it could write rows
                // that the newer code reads wrongly. Refuse, and say so.
                .ignoreMigrationPatterns("")
                .cleanDisabled(true)
                // A database that is still starting (the embedded one starts beside Payara; a
                // managed one may be failing over) is waited for: 1 s, doubling, 6 tries (~1 min).
                .connectRetries(6)
                .load();
    }

    /** What a start-up migration did. */
    public record MigrationOutcome(String schemaVersion, int migrationsApplied) {}
}
