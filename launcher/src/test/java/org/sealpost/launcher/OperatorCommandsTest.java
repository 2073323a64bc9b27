package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.portal.operator.OperatorCommand;

/**
 * {@code ./sealpost cert|keys|audit …} reach the database {@code ./sealpost run} uses: the
 * running portal's embedded PostgreSQL when it is up (never a second server on the same files),
 * otherwise one started for the command alone and stopped after it.
 */
class OperatorCommandsTest {

    @TempDir
    Path data;

    @BeforeEach
    void useTheTemporaryDataDirectory() {
        System.setProperty("sealpost.data.dir", data.toString());
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("sealpost.data.dir");
    }

    @Test
    void aCommandWhileThePortalsEmbeddedDatabaseRunsWritesIntoThatDatabaseAndLeavesItRunning() throws Exception {
        int port = FreePort.onLoopback();
        try (EmbeddedDatabase running = EmbeddedDatabase.start(data.resolve("postgres"), port, Optional.empty())) {
            assertThat(OperatorCommands.runningEmbeddedPort(data.resolve("postgres")))
                    .contains(port);

            int status = OperatorCommands.run("probe", List.of("note", "while running"));

            assertThat(status).isZero();
            try (Connection c = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), EmbeddedDatabase.USER, "");
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT actor, detail FROM audit_event WHERE action = 'PROBE'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("detail")).isEqualTo("while running");
                assertThat(rs.getString("actor")).startsWith("operator:");
            }
        }
    }

    @Test
    void aCommandWithNoPortalRunningStartsTheEmbeddedDatabaseMigratesItAndStopsItAfterwards() throws Exception {
        int status = OperatorCommands.run("probe", List.of("note", "alone"));

        assertThat(status).isZero();
        assertThat(OperatorCommands.runningEmbeddedPort(data.resolve("postgres")))
                .isEmpty();
        assertThat(Files.exists(data.resolve("postgres").resolve("postmaster.pid")))
                .isFalse();
        // The row is on disk: a server started afterwards on the same files finds it.
        int port = FreePort.onLoopback();
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data.resolve("postgres"), port, Optional.empty());
                Connection c = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), EmbeddedDatabase.USER, "");
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT count(*) FROM audit_event WHERE detail = 'alone'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void exitStatusesAreWhatScriptsExpect() {
        assertThat(OperatorCommands.run("no-such-command", List.of("x"))).isEqualTo(OperatorCommand.USAGE);
        assertThat(OperatorCommands.run("probe", List.of())).isEqualTo(OperatorCommand.USAGE);
        assertThat(OperatorCommands.run("probe", List.of("help"))).isEqualTo(OperatorCommand.OK);
        assertThat(OperatorCommands.run("probe", List.of("refuse"))).isEqualTo(OperatorCommand.REFUSED);
        assertThat(OperatorCommands.run("probe", List.of("crash"))).isEqualTo(OperatorCommands.INTERNAL_ERROR);
    }
}
