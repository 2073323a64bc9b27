package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's own PostgreSQL, as {@code ./sealpost run} starts it: the bridge answers 250
 * only after the commit, so that commit must survive a power cut.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    @Test
    void theLaunchersDatabaseFlushesEveryCommitToDiskBeforeAnsweringSoA250dMessageSurvivesAPowerCut() throws Exception {
        int port = FreePort.onLoopback();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("postgres"), port, java.util.Optional.empty());
                Connection c = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("on");
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
            // fsync alone is not enough: a torn 8 KB page after a crash needs the full-page image.
            assertThat(show(s, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
