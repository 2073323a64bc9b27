package org.sealpost.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests: the one named by {@code SEALPOST_TEST_DB_URL} (a JDBC
 * URL of a database whose user may create databases; user and password from
 * {@code SEALPOST_TEST_DB_USER}/{@code SEALPOST_TEST_DB_PASSWORD}), else an embedded one
 * started on first use and stopped when the JVM exits.
 */
public final class TestDatabase {

    private static TestDatabase shared;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private TestDatabase(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server this JVM's tests use, started on first call. */
    public static synchronized TestDatabase server() {
        if (shared == null) {
            shared = startOrConnect();
        }
        return shared;
    }

    private static TestDatabase startOrConnect() {
        String url = setting("SEALPOST_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = setting("SEALPOST_TEST_DB_USER");
            String password = setting("SEALPOST_TEST_DB_PASSWORD");
            return new TestDatabase(url, user == null ? "postgres" : user, password == null ? "" : password, null);
        }
        try {
            // Port 0 lets zonky choose a free loopback port; the server listens on localhost only.
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new TestDatabase(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static String setting(String name) {
        String fromProperty = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        return fromProperty != null ? fromProperty : System.getenv(name);
    }

    /** Creates an empty database with a unique name and returns its coordinates. */
    public Database createDatabase(String purpose) {
        String name = ("t_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + adminUrl, e);
        }
        if (embedded == null) {
            dropAtExit(name);
        }
        return new Database(urlFor(name), user, password, name);
    }

    /** A shared server must not fill up with test databases; the embedded one is thrown away whole. */
    private void dropAtExit(String name) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                                    Statement s = c.createStatement()) {
                                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                            } catch (SQLException e) {
                                System.err.println("could not drop test database " + name + ": " + e.getMessage());
                            }
                        },
                        "drop-" + name));
    }

    private String urlFor(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        String base = adminUrl.substring(0, slash + 1);
        return base + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** Whether this is the embedded server (tests that stop and start the server need one they own). */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** A database created for one test class. */
    public record Database(String jdbcUrl, String user, String password, String name) {

        public DataSource dataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(jdbcUrl);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }
    }
}
