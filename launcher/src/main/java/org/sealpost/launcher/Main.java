package org.sealpost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sealpost.portal.config.ProductionReadiness;

/** {@code ./sealpost run}. Exit codes: 0 stopped cleanly, 2 refused to start, else Payara's. */
public final class Main {

    /**
     * The portal JVM's defaults: the serial collector and a bounded heap keep a 2-core node's
     * portal near 550 MB resident instead of G1's 600-780 MB (docs/BENCHMARKS.md); a node with
     * many cores and heavy traffic sets SEALPOST_JAVA_OPTS instead.
     *
     * <p>SweeperThreshold: the JVM asks the collector to unload compiled code each time the code
     * cache has grown by this share of its size (15 % by default), and the serial collector can
     * only do that in a full collection. Payara's code grows past 15 % (36 MB) about every
     * 100 s during its first minutes, and each of those full collections stopped every request
     * for half a second (the inbox benchmark's p99 of 430-560 ms, docs/BENCHMARKS.md); at 50 %
     * they come only when the cache really fills.
     */
    static final List<String> DEFAULT_PORTAL_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx1g",
            "-XX:SweeperThreshold=50");

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        if (!command.equals("run")) {
            System.err.println("sealpost launcher: unknown command '" + command + "' (run)");
            System.exit(64);
        }
        try {
            System.exit(run());
        } catch (LaunchException e) {
            System.err.println("sealpost: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void closeWhenStarted(java.util.concurrent.CompletableFuture<EmbeddedDatabase> start) {
        if (start != null) {
            try {
                start.join().close();
            } catch (RuntimeException alreadyFailed) {
                // nothing was started
            }
        }
    }

    static int run() {
        long started = System.nanoTime();
        List<String> missing = new java.util.ArrayList<>(
                ProductionReadiness.missingSettings(LauncherSettings::lookupWithDevDefault));
        // The launcher starts Payara Micro with --nocluster: no clustering to find here.
        missing.addAll(ProductionReadiness.unsafeSettings(LauncherSettings::lookupWithDevDefault, false));
        if (!missing.isEmpty()) {
            missing.forEach(line -> System.err.println("sealpost: " + line));
            System.err.println("sealpost: refusing to start in production mode until these are set");
            return 2;
        }
        boolean production = ProductionReadiness.isProduction(LauncherSettings::lookupWithDevDefault);
        Path dataDir = Path.of(LauncherSettings.lookup("sealpost.data.dir").orElse("data")).toAbsolutePath();
        int httpPort = LauncherSettings.integer("sealpost.http.port", 8080);
        Distribution dist = Distribution.besideLauncher();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LaunchException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }

        Map<String, String> props = new LinkedHashMap<>();
        props.put("sealpost.mode", production ? "prod" : "dev");
        props.put("sealpost.data.dir", dataDir.toString());
        props.put("sealpost.http.port", Integer.toString(httpPort));

        // The embedded database starts while Payara boots: the portal first touches it at
        // deployment, seconds later, and its pool waits and retries until then.
        java.util.concurrent.CompletableFuture<EmbeddedDatabase> embeddedStart = null;
        Optional<String> dbUrl = LauncherSettings.lookup("sealpost.db.url");
        if (dbUrl.isEmpty()) {
            Path cluster = dataDir.resolve("postgres");
            int port = LauncherSettings.integer("sealpost.embedded.db.port", 0);
            int dbPort = port != 0 ? port : FreePort.onLoopback();
            System.out.println("sealpost: no SEALPOST_DB_URL; starting the embedded PostgreSQL in " + cluster);
            embeddedStart = java.util.concurrent.CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(cluster, dbPort));
            props.put("sealpost.db.url", EmbeddedDatabase.jdbcUrl(dbPort));
            props.put("sealpost.db.user", EmbeddedDatabase.USER);
            // The embedded cluster trusts loopback connections; the pool still wants a value.
            props.put("sealpost.db.password", "embedded");
        }

        DevMailbox devMailbox = null;
        if (!production && LauncherSettings.lookup("sealpost.smarthost").isEmpty()) {
            int mailboxPort = LauncherSettings.integer("sealpost.dev.mailbox.port", 2526);
            try {
                devMailbox = DevMailbox.start(dataDir, mailboxPort);
            } catch (IOException | RuntimeException e) {
                closeWhenStarted(embeddedStart);
                throw new LaunchException("could not start the development mailbox on 127.0.0.1:" + mailboxPort + ": "
                        + e.getMessage(), e);
            }
            props.put("sealpost.smarthost", "localhost:" + mailboxPort);
            // A developer watching the mailbox should not wait production's 5 minutes for a
            // retry, nor 10 for a second notification; explicit settings still win.
            if (LauncherSettings.lookup("sealpost.retry.interval").isEmpty()) {
                props.put("sealpost.retry.interval", "PT15S");
            }
            if (LauncherSettings.lookup("sealpost.notify.quiet.period").isEmpty()) {
                props.put("sealpost.notify.quiet.period", "PT1M");
            }
            props.put("sealpost.smarthost.truststore", devMailbox.trustStore().toString());
            props.put("sealpost.smarthost.truststore.password", DevMailbox.TRUSTSTORE_PASSWORD);
        }

        List<String> jvmOptions = LauncherSettings.lookup("sealpost.java.opts")
                .map(o -> Arrays.asList(o.trim().split("\\s+"))).orElse(DEFAULT_PORTAL_JVM_OPTIONS);
        final DevMailbox mailbox = devMailbox;
        PortalProcess portal;
        try {
            portal = PortalProcess.start(dist, dataDir, httpPort, props, jvmOptions);
        } catch (IOException e) {
            if (mailbox != null) {
                mailbox.close();
            }
            closeWhenStarted(embeddedStart);
            throw new LaunchException("could not start Payara Micro: " + e.getMessage(), e);
        }
        EmbeddedDatabase database = null;
        if (embeddedStart != null) {
            try {
                database = embeddedStart.join();
            } catch (java.util.concurrent.CompletionException e) {
                portal.stop();
                if (mailbox != null) {
                    mailbox.close();
                }
                throw e.getCause() instanceof LaunchException le ? le
                        : new LaunchException("the embedded PostgreSQL did not start: " + e.getCause(), e.getCause());
            }
        }
        final EmbeddedDatabase startedDatabase = database;
        // Ctrl-C / SIGTERM: the portal first (the bridge stops taking mail, transactions end),
        // then the database under it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            portal.stop();
            if (mailbox != null) {
                mailbox.close();
            }
            if (startedDatabase != null) {
                startedDatabase.close();
            }
        }, "sealpost-shutdown"));

        try {
            if (portal.awaitReady(Duration.ofMinutes(5))) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("sealpost: ready in %.1f s: portal http://localhost:%d/ (pid %d), mode %s, data %s%n",
                        seconds, httpPort, portal.pid(), production ? "prod" : "dev", dataDir);
            }
            int exit = portal.waitFor();
            System.out.println("sealpost: Payara Micro exited with " + exit);
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
