package org.sealpost.web.it;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * The whole content of a database as an attacker with a backup would see it: {@code pg_dump}
 * when one of the server's major version is installed, else the same data as pg_dump's data
 * section writes it ({@code COPY ... TO STDOUT} of every table).
 */
record DatabaseDump(String tool, String text) {

    static DatabaseDump of(String jdbcUrl, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            int major = c.getMetaData().getDatabaseMajorVersion();
            String pgDump = "/usr/lib/postgresql/" + major + "/bin/pg_dump";
            if (new java.io.File(pgDump).canExecute()) {
                return new DatabaseDump(pgDump, runPgDump(pgDump, jdbcUrl, user, password));
            }
            return new DatabaseDump("COPY TO STDOUT (no pg_dump " + major + " installed)", copyEverything(c));
        }
    }

    private static String runPgDump(String pgDump, String jdbcUrl, String user, String password) throws Exception {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        ProcessBuilder pb = new ProcessBuilder(
                pgDump,
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort()),
                "-U",
                user,
                uri.getPath().substring(1));
        pb.environment().put("PGPASSWORD", password);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + out);
        }
        return out;
    }

    private static String copyEverything(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        StringWriter out = new StringWriter();
        for (String table : tables) {
            out.write("-- " + table + "\n");
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY public." + table + " TO STDOUT", out);
        }
        return out.toString();
    }
}
