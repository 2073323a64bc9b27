package org.sealpost.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The development database: a real PostgreSQL (zonky's packaged binaries) whose cluster
 * lives under the data directory, so data survives a restart, listening on loopback only.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "sealpost";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port the loopback port
     * @param serverLog where the PostgreSQL server writes its log; empty: the library's logger
     */
    static EmbeddedDatabase start(Path clusterDirectory, int port, Optional<Path> serverLog) {
        try {
            Files.createDirectories(clusterDirectory.getParent());
            stopOrphanedServer(clusterDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (serverLog.isPresent()) {
                Files.createDirectories(serverLog.get().getParent());
                builder.setOutputRedirector(
                                ProcessBuilder.Redirect.appendTo(serverLog.get().toFile()))
                        .setErrorRedirector(
                                ProcessBuilder.Redirect.appendTo(serverLog.get().toFile()));
            }
            EmbeddedPostgres pg = builder.setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // The library's defaults are a test database's: it starts the server with -F
                    // (fsync off) and synchronous_commit=off. Here a commit is what the bridge's
                    // 250 promises (RFC 5321 §6.1: the message is now ours to keep), so it must be
                    // on disk before the reply: with synchronous_commit off the last ~600 ms of
                    // commits die with the server, with fsync off a power cut can lose or corrupt
                    // anything. "-c" settings come after -F on the command line and win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The launcher stops the database itself, after Payara: see close().
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg);
            db.createApplicationDatabaseIfMissing();
            return db;
        } catch (IOException | SQLException e) {
            throw new LaunchException(
                    "could not start the embedded PostgreSQL in " + clusterDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running; the next start must not
     * fail on "lock file already exists". Ask the orphan to shut down (SIGINT: PostgreSQL's
     * fast shutdown, which rolls back open transactions and checkpoints).
     */
    private static void stopOrphanedServer(Path clusterDirectory) throws IOException {
        Path pidFile = clusterDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        System.out.println("sealpost: stopping a PostgreSQL (pid " + pid + ") left running by an earlier launcher");
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new LaunchException(
                    "an earlier PostgreSQL (pid " + pid + ") still runs on " + clusterDirectory
                            + " and did not stop; stop it and start again",
                    e);
        }
    }

    private void createApplicationDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    static final String USER = "postgres";

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("sealpost: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
