package org.sealpost.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.sealpost.testsupport.TestDatabase;

class SchemaMigrationsIT {

    @Test
    void migratingAnEmptyDatabaseCreatesTheSchemaAndASecondRunAppliesNothing() throws SQLException {
        DataSource ds = TestDatabase.server().createDatabase("migrate_twice").dataSource();

        SchemaMigrations.MigrationOutcome first = SchemaMigrations.migrate(ds);
        SchemaMigrations.MigrationOutcome second = SchemaMigrations.migrate(ds);

        assertThat(first.migrationsApplied()).isPositive();
        assertThat(second.migrationsApplied()).isZero();
        assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion());
        assertThat(SchemaMigrations.pendingMigrations(ds)).isZero();
        assertThat(tables(ds))
                .contains(
                        "account",
                        "message_content",
                        "mailbox_entry",
                        "outbound_mail",
                        "audit_event",
                        "one_time_token");
    }

    @Test
    void ciphertextColumnsAreNotCompressedByPostgres() throws SQLException {
        DataSource ds = TestDatabase.server().createDatabase("storage").dataSource();
        SchemaMigrations.migrate(ds);

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT a.attname, a.attstorage FROM pg_attribute a
                        WHERE a.attrelid = 'message_content'::regclass AND a.attname LIKE '%ciphertext'
                        ORDER BY a.attname""")) {
            List<String> storage = new ArrayList<>();
            while (rs.next()) {
                storage.add(rs.getString(1) + "=" + rs.getString(2));
            }
            assertThat(storage).containsExactly("metadata_ciphertext=e", "mime_ciphertext=e");
        }
    }

    @Test
    void accountEmailsAreUniqueSoConcurrentIntakesCannotCreateTwins() throws SQLException {
        DataSource ds = TestDatabase.server().createDatabase("unique_email").dataSource();
        SchemaMigrations.migrate(ds);

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO account (email, role, state) VALUES ('anna@example.org', 'RECIPIENT', 'PENDING')");
            assertThatThrownBy(
                            () -> s.execute(
                                    "INSERT INTO account (email, role, state) VALUES ('anna@example.org', 'RECIPIENT', 'PENDING')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("account_email_unique");
        }
    }

    @Test
    void aDatabaseMigratedByANewerBuildIsRefusedRatherThanSilentlyUsed() throws SQLException {
        DataSource ds = TestDatabase.server().createDatabase("newer").dataSource();
        SchemaMigrations.migrate(ds);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                        checksum, installed_by, execution_time, success)
                    VALUES (99, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 0, true)""");
        }

        assertThatThrownBy(() -> SchemaMigrations.migrate(ds))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("999");
    }

    private static List<String> tables(DataSource ds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
