package org.sealpost.launcher;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.postgresql.ds.PGSimpleDataSource;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.config.ProductionReadiness;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.OperatorContext;
import org.sealpost.portal.operator.StandalonePersistence;

/**
 * Runs an operator command ({@code ./sealpost cert|keys|audit …}) in the launcher's JVM, outside
 * the application server, against the database {@code ./sealpost run} uses: the configured one
 * ({@code SEALPOST_DB_URL}), else the embedded cluster under the data directory — the running
 * portal's server when it is up (its port read from PostgreSQL's own {@code postmaster.pid}),
 * otherwise one started for the command and stopped after it.
 */
final class OperatorCommands {

    /** sysexits.h EX_SOFTWARE: the command failed in a way it did not foresee. */
    static final int INTERNAL_ERROR = 70;

    private OperatorCommands() {}

    static Map<String, OperatorCommand> available() {
        Map<String, OperatorCommand> commands = new TreeMap<>();
        ServiceLoader.load(OperatorCommand.class).forEach(c -> commands.put(c.name(), c));
        return commands;
    }

    static int run(String name, List<String> arguments) {
        OperatorCommand command = available().get(name);
        if (command == null) {
            System.err.println("sealpost: unknown command '" + name + "'; commands: "
                    + String.join(", ", available().keySet()));
            return OperatorCommand.USAGE;
        }
        if (arguments.isEmpty() || List.of("help", "-h", "--help").contains(arguments.get(0))) {
            command.usage().forEach(line -> System.out.println("usage: ./sealpost " + line));
            return arguments.isEmpty() ? OperatorCommand.USAGE : OperatorCommand.OK;
        }
        Path dataDir = Path.of(
                        LauncherSettings.lookup(Setting.DATA_DIR.property()).orElse("data"))
                .toAbsolutePath();
        try (Database database = Database.open(dataDir)) {
            Context context = new Context(dataDir, database);
            try {
                return command.run(arguments, context);
            } finally {
                context.close();
            }
        } catch (LaunchException e) {
            System.err.println("sealpost: " + e.getMessage());
            return OperatorCommand.REFUSED;
        } catch (Exception e) {
            System.err.println("sealpost " + name + ": failed: " + e);
            e.printStackTrace(System.err);
            return INTERNAL_ERROR;
        }
    }

    /** The portal's database for the duration of one command. */
    private record Database(String url, String user, String password, EmbeddedDatabase startedHere)
            implements AutoCloseable {

        static Database open(Path dataDir) {
            Optional<String> url = LauncherSettings.lookup(Setting.DB_URL.property());
            if (url.isPresent()) {
                return new Database(
                        url.get(),
                        LauncherSettings.lookup(Setting.DB_USER.property()).orElse(""),
                        LauncherSettings.lookup(Setting.DB_PASSWORD.property()).orElse(""),
                        null);
            }
            Path cluster = dataDir.resolve("postgres");
            Optional<Integer> running = runningEmbeddedPort(cluster);
            if (running.isPresent()) {
                return new Database(EmbeddedDatabase.jdbcUrl(running.get()), EmbeddedDatabase.USER, "embedded", null);
            }
            int port = FreePort.onLoopback();
            Optional<Path> log = Optional.of(dataDir.resolve("logs").resolve("postgres.log"));
            EmbeddedDatabase started = EmbeddedDatabase.start(cluster, port, log);
            return new Database(EmbeddedDatabase.jdbcUrl(port), EmbeddedDatabase.USER, "embedded", started);
        }

        @Override
        public void close() {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }

    /**
     * The port of the embedded PostgreSQL serving {@code cluster} right now, if one does: the
     * fourth line of {@code postmaster.pid} is the server's port (PostgreSQL documents the
     * file's layout in {@code pidfile.h}), the first its process id.
     */
    static Optional<Integer> runningEmbeddedPort(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final class Context implements OperatorContext {

        private final Path dataDir;
        private final Database database;
        private EntityManagerFactory emf;

        Context(Path dataDir, Database database) {
            this.dataDir = dataDir;
            this.database = database;
        }

        @Override
        public Optional<String> setting(Setting setting) {
            return switch (setting) {
                case DATA_DIR -> Optional.of(dataDir.toString());
                case DB_URL -> Optional.of(database.url());
                case DB_USER -> Optional.of(database.user());
                case DB_PASSWORD -> Optional.of(database.password());
                default -> LauncherSettings.lookupWithDevDefault(setting.property());
            };
        }

        @Override
        public boolean production() {
            return ProductionReadiness.isProduction(LauncherSettings::lookupWithDevDefault);
        }

        @Override
        public Path dataDirectory() {
            return dataDir;
        }

        @Override
        public <T> T inTransaction(Work<T> work) throws Exception {
            return StandalonePersistence.inTransaction(entityManagerFactory(), work);
        }

        private synchronized EntityManagerFactory entityManagerFactory() {
            if (emf == null) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(database.url());
                ds.setUser(database.user());
                ds.setPassword(database.password());
                // The portal migrates at start; a command may run before the portal ever did.
                SchemaMigrations.migrate(ds);
                emf = StandalonePersistence.open(database.url(), database.user(), database.password());
            }
            return emf;
        }

        void close() {
            if (emf != null) {
                emf.close();
            }
        }

        @Override
        public String actor() {
            return "operator:" + System.getProperty("user.name", "unknown");
        }

        @Override
        public PrintStream out() {
            return System.out;
        }

        @Override
        public PrintStream err() {
            return System.err;
        }

        @Override
        public InputStream in() {
            return System.in;
        }
    }
}
